using LiveGrid.Grains.Kpis;

namespace LiveGrid.Silo.Reports;

/// <summary>Everything one report shows: the city's measures for the period and the ranking sections.</summary>
public sealed record ReportContent(ReportPeriod Period, string CityName, KpiReport City, IReadOnlyList<ReportRanking> Rankings, DateTimeOffset CreatedAt);
