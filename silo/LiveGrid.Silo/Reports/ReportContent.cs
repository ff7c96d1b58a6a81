using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;

namespace LiveGrid.Silo.Reports;

/// <summary>Everything one report shows: the city's measures for the period, the ranking sections and, in the quarterly assessment, the grid staff's 千分制 scorecard.</summary>
public sealed record ReportContent(
    ReportPeriod Period, string CityName, KpiReport City, IReadOnlyList<ReportRanking> Rankings, DateTimeOffset CreatedAt, ScorecardReport? Scorecard = null);
