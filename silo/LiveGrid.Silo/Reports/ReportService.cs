using LiveGrid.Blobs;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Reports;
using LiveGrid.Grains.Scorecards;
using LiveGrid.Runtime;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Reports;

/// <summary>
/// Makes reports from the KPI engine and keeps them as blobs in the "reports" container, named
/// "{kind}/{period}.csv" and ".html". Names are create-only: a report, once made, is never rewritten, so a second
/// generation of the same period (a retried schedule, a second POST) finds it and returns it unchanged.
/// </summary>
public sealed class ReportService(
    IGrainFactory grains, CityModel city, IBlobStore blobs, TimeProvider time, IOptions<ReportOptions> options, Scorecard scorecard) : IReportGenerator
{
    public const string Container = "reports";

    public static readonly IReadOnlyList<string> Formats = ["csv", "html"];

    public static string BlobName(ReportPeriod period, string format) => $"{period.Kind.ToString().ToLowerInvariant()}/{period.Name}.{format}";

    public static string ContentType(string format) => format == "csv" ? "text/csv; charset=utf-8" : "text/html; charset=utf-8";

    public TimeOnly DailyAt => options.Value.DailyAt;

    /// <summary>The kinds due on a local day: daily every day, weekly on Monday, monthly on the 1st, quarterly on a quarter's first day.</summary>
    public static IReadOnlyList<ReportKind> DueOn(DateOnly localDate) =>
    [
        ReportKind.Daily,
        .. localDate.DayOfWeek == DayOfWeek.Monday ? [ReportKind.Weekly] : Array.Empty<ReportKind>(),
        .. localDate.Day == 1 ? [ReportKind.Monthly] : Array.Empty<ReportKind>(),
        .. localDate.Day == 1 && localDate.Month % 3 == 1 ? [ReportKind.Quarterly] : Array.Empty<ReportKind>(),
    ];

    public async Task<IReadOnlyList<string>> GenerateDueAsync(DateOnly localDate, CancellationToken cancellationToken = default)
    {
        var names = new List<string>();
        foreach (var kind in DueOn(localDate))
        {
            var (stored, _) = await GenerateAsync(ReportPeriod.LastBefore(kind, localDate), cancellationToken);
            names.AddRange(stored.Select(b => b.Name));
        }

        return names;
    }

    /// <summary>The city's local date now.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), city.TimeZone).DateTime);

    public async Task<ReportContent> GatherAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var tickets = await KpiSource.LoadAsync(grains, period.From, period.To, cancellationToken: cancellationToken);
        var patrols = await KpiSource.LoadPatrolsAsync(grains, city, period.From, period.To, KpiScope.City, cancellationToken: cancellationToken);
        var report = KpiEngine.Compute(city.TimeZone, period.From, period.To, KpiScope.City, tickets, patrols);
        KpiReport For(KpiScope scope) => KpiEngine.Compute(city.TimeZone, period.From, period.To, scope, tickets);

        var index = city.Territory.Index;
        var streets = index.Districts.SelectMany(d => index.Children(d.Code)).ToList();
        var rankings = new List<ReportRanking>();
        ScorecardReport? staff = null;
        rankings.AddRange(ByOnTime("街道按期办结率排名", streets.Select(s => (s.Code.Value, s.Name, For(new KpiScope(KpiScopeKind.Area, s.Code.Value))))));
        switch (period.Kind)
        {
            case ReportKind.Weekly:
                var received = index.Grids
                    .Select(g => (g.Code.Value, g.Name, Received: For(new KpiScope(KpiScopeKind.Area, g.Code.Value)).Board.Received))
                    .Where(g => g.Received > 0)
                    .OrderByDescending(g => g.Received).ThenBy(g => g.Value, StringComparer.Ordinal)
                    .Take(Math.Max(1, options.Value.Hotspots));
                rankings.AddRange(received.Select((g, i) => new ReportRanking(i + 1, "热点网格（受理件数）", g.Value, g.Name, g.Received,
                    report.Board.Received, report.Board.Received == 0 ? null : (double)g.Received / report.Board.Received, null)));
                break;
            case ReportKind.Monthly:
                var communities = streets.SelectMany(s => index.Children(s.Code));
                rankings.AddRange(ByOnTime("社区按期办结率排名", communities.Select(c => (c.Code.Value, c.Name, For(new KpiScope(KpiScopeKind.Area, c.Code.Value))))));
                break;
            case ReportKind.Quarterly:
                var units = tickets.Select(t => t.LeadUnitId).OfType<string>().Distinct(StringComparer.Ordinal)
                    .Select(id => (id, city.Territory.FindUnit(id)?.Name ?? id, For(new KpiScope(KpiScopeKind.Unit, id))));
                var kpiPeriod = new KpiPeriod(city.TimeZone, period.From, period.To);
                var failed = tickets.Where(t => t.LeadUnitId is not null).GroupBy(t => t.LeadUnitId!, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => ScorecardEngine.FailedVerifications(kpiPeriod, g), StringComparer.Ordinal);
                rankings.AddRange(ByOnTime("承办单位考核得分", units).Select(r => r with { Score = Score(r.Rate, failed.GetValueOrDefault(r.Code)) }));
                staff = ScorecardEngine.Compute(scorecard, city.TimeZone, city.Territory, period.From, period.To, KpiScope.City, tickets, patrols);
                break;
        }

        // Shown to people: the generation time in the city's own time zone.
        return new ReportContent(period, city.Territory.CityName, report, rankings, TimeZoneInfo.ConvertTime(time.GetUtcNow(), city.TimeZone), staff);
    }

    /// <summary>
    /// 考核: at or above the passing on-time rate, full points; one point (configurable) off per percentage point below;
    /// then 0.2 (configurable) off per failed verification (核查不合格) in the period; never below 0. No due work scores
    /// full on the on-time part.
    /// </summary>
    public double Score(double? onTimeRate, int failedVerifications = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(failedVerifications);
        var o = options.Value;
        var onTime = onTimeRate is not { } rate || rate >= o.PassingOnTimeRate
            ? o.FullPoints
            : o.FullPoints - ((o.PassingOnTimeRate - rate) * 100 * o.PointsPerPercentBelow);
        return Math.Max(0, Math.Round(onTime - (failedVerifications * o.PointsPerFailedVerification), 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>Makes the period's report unless it exists; returns the stored blobs either way.</summary>
    public async Task<(IReadOnlyList<BlobProperties> Blobs, bool Created)> GenerateAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        if (await StoredAsync(period, cancellationToken) is { Count: 2 } existing)
        {
            return (existing, false);
        }

        var content = await GatherAsync(period, cancellationToken);
        var created = false;
        foreach (var format in Formats)
        {
            var bytes = format == "csv" ? ReportBuilder.Csv(content) : ReportBuilder.Html(content);
            try
            {
                using var stream = new MemoryStream(bytes);
                await blobs.PutAsync(Container, BlobName(period, format), stream, ContentType(format),
                    new Dictionary<string, string> { ["kind"] = period.Kind.ToString().ToLowerInvariant(), ["period"] = period.Name },
                    BlobWriteMode.CreateOnly, cancellationToken);
                created = true;
            }
            catch (BlobAlreadyExistsException)
            {
                // Made by a concurrent generation: the stored one stands.
            }
        }

        return (await StoredAsync(period, cancellationToken), created);
    }

    public async Task<IReadOnlyList<BlobProperties>> StoredAsync(ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var found = new List<BlobProperties>();
        foreach (var format in Formats)
        {
            if (await blobs.GetPropertiesAsync(Container, BlobName(period, format), cancellationToken) is { } properties)
            {
                found.Add(properties);
            }
        }

        return found;
    }

    /// <summary>Every stored report blob, in name order.</summary>
    public async Task<IReadOnlyList<BlobProperties>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<BlobProperties>();
        string? token = null;
        do
        {
            var page = await blobs.ListAsync(Container, null, BlobPage.MaxSize, token, cancellationToken);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    private static IEnumerable<ReportRanking> ByOnTime(string section, IEnumerable<(string Code, string Name, KpiReport Report)> rows) =>
        rows.OrderByDescending(r => r.Report.OnTimeResolution.Rate ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select((r, i) => new ReportRanking(i + 1, section, r.Code, r.Name, r.Report.OnTimeResolution.Numerator,
                r.Report.OnTimeResolution.Denominator, r.Report.OnTimeResolution.Rate, null));
}
