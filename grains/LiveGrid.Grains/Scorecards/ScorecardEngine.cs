using LiveGrid.Grains.City;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Scorecards;

/// <summary>
/// Scores grid workers on a <see cref="Scorecard"/> from the KPI engine's records (<see cref="KpiTicket"/>, the
/// period's patrols). A worker is scored on the tickets that are theirs now (<see cref="KpiScopeKind.Worker"/>) and the
/// patrols assigned to them, by the measures' definitions on <see cref="KpiEngine"/> and <see cref="ScorecardMeasure"/>.
/// A worker with no tickets and no patrols in the period scores full points on every rate item (nothing to fail) and on
/// every deduction, and 0 on awards: the total then says "no faults, no findings". Pure: the same records give the same scores.
/// </summary>
public static class ScorecardEngine
{
    /// <summary>One worker's line from their tickets and patrols (already theirs: not filtered again).</summary>
    public static ScorecardLine ScoreWorker(
        Scorecard scorecard, KpiPeriod period, WorkerProfile worker, IReadOnlyList<KpiTicket> tickets, IReadOnlyList<InspectionSummary> patrols)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(worker);
        var scope = new KpiScope(KpiScopeKind.Worker, worker.Id);
        var report = KpiEngine.Compute(period.Zone, period.From, period.To, scope, tickets, patrols);
        var live = tickets.Where(t => t.Trail.Count > 0 && !t.Trail.Any(e => e.Action == TicketActionKind.MergeInto)).ToList();
        var mine = patrols.Where(p => p.Kind == InspectionKind.Patrol && period.Contains(p.WindowStart)).ToList();

        var items = scorecard.Items.Select(item =>
        {
            var rate = item.Measure switch
            {
                ScorecardMeasure.OnTimeResolution => report.OnTimeResolution,
                ScorecardMeasure.Response => report.Response,
                ScorecardMeasure.Satisfaction => report.Satisfaction,
                ScorecardMeasure.Solved => report.Solved,
                ScorecardMeasure.Callback => report.Callback,
                ScorecardMeasure.PatrolCoverage => report.PatrolCoverage,
                _ => null,
            };
            if (rate is not null)
            {
                return new ScorecardPoints(item.Key, item.Points(rate.Rate, rate.Denominator), rate.Rate, rate.Denominator);
            }

            var count = item.Measure switch
            {
                ScorecardMeasure.OverdueTickets => report.OnTimeResolution.Denominator - report.OnTimeResolution.Numerator,
                ScorecardMeasure.ReworkedTickets => report.Rework.Numerator,
                ScorecardMeasure.FailedVerifications => FailedVerifications(period, live),
                ScorecardMeasure.MissedPatrols => mine.Count(p => p.Status == InspectionStatus.Missed),
                ScorecardMeasure.FindingsReported => mine.Sum(p => p.Findings),
                _ => 0,
            };
            return new ScorecardPoints(item.Key, item.Points(null, count), null, count);
        }).ToList();

        return new ScorecardLine(ScorecardLineKind.Worker, worker.Id, worker.Name, worker.GridCode, 1, items, Sum(items.Select(i => i.Points)));
    }

    /// <summary>
    /// Failed verifications (核查不合格) in the period: verify entries whose <see cref="TicketTransition.Passed"/> is
    /// false; an entry written before that field existed is read by status (a passed verification closes the ticket,
    /// see <see cref="TicketLifecycle"/>), never by its text.
    /// </summary>
    public static int FailedVerifications(KpiPeriod period, IEnumerable<KpiTicket> tickets)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(tickets);
        return tickets.SelectMany(t => t.Trail)
            .Count(e => e.Action == TicketActionKind.Verify && !(e.Passed ?? e.To == TicketStatus.Closed) && period.Contains(e.At));
    }

    /// <summary>
    /// The scorecard of a scope: city (every worker), a territory code (the workers whose grid is in it) or worker:{id};
    /// with roll-ups for the streets, communities and grids in the scope (none for a worker scope). A unit scope has no
    /// workers. Tickets and patrols are those of the whole period (<see cref="KpiSource"/>); each worker takes theirs.
    /// </summary>
    public static ScorecardReport Compute(
        Scorecard scorecard, TimeZoneInfo zone, CityTerritory territory, DateOnly from, DateOnly to, KpiScope scope,
        IEnumerable<KpiTicket> tickets, IEnumerable<InspectionSummary> patrols)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(territory);
        ArgumentNullException.ThrowIfNull(scope);
        var period = new KpiPeriod(zone, from, to);
        var workers = territory.Workers.Where(w => scope.Kind switch
        {
            KpiScopeKind.City => true,
            KpiScopeKind.Area => w.GridCode.StartsWith(scope.Value, StringComparison.Ordinal),
            KpiScopeKind.Worker => string.Equals(w.Id, scope.Value, StringComparison.Ordinal),
            _ => false,
        }).ToList();

        // Grouped once: a city has thousands of workers, so no worker scans every ticket.
        var ticketsOf = tickets.Where(t => t.WorkerId is not null).ToLookup(t => t.WorkerId!, StringComparer.Ordinal);
        var patrolsOf = patrols.ToLookup(p => p.WorkerId, StringComparer.Ordinal);
        var lines = workers
            .Select(w => ScoreWorker(scorecard, period, w, [.. ticketsOf[w.Id]], [.. patrolsOf[w.Id]]))
            .OrderByDescending(l => l.Total).ThenBy(l => l.Code, StringComparer.Ordinal)
            .ToList();

        var areas = scope.Kind == KpiScopeKind.Worker ? [] : RollUp(territory, lines, scope);
        return new ScorecardReport { From = from, To = to, Scope = scope.ToString(), Items = scorecard.Items, Workers = lines, Areas = areas };
    }

    /// <summary>The mean of the workers' lines per street, community and grid of their grids, within the scope.</summary>
    public static IReadOnlyList<ScorecardLine> RollUp(CityTerritory territory, IReadOnlyList<ScorecardLine> workers, KpiScope scope)
    {
        ArgumentNullException.ThrowIfNull(territory);
        ArgumentNullException.ThrowIfNull(workers);
        var members = new Dictionary<string, (TerritoryNode Node, List<ScorecardLine> Lines)>(StringComparer.Ordinal);
        foreach (var line in workers)
        {
            if (!GridCode.TryParse(line.GridCode, out var grid))
            {
                continue;
            }

            foreach (var code in grid.ParentChain.Append(grid))
            {
                if (code.Level == TerritoryLevel.District || (scope.Kind == KpiScopeKind.Area && !code.Value.StartsWith(scope.Value, StringComparison.Ordinal)))
                {
                    continue;
                }

                if (!members.TryGetValue(code.Value, out var entry) && territory.Index.Find(code) is { } node)
                {
                    entry = (node, []);
                    members[code.Value] = entry;
                }

                entry.Lines?.Add(line);
            }
        }

        return [.. members.Values.OrderBy(m => m.Node.Code.Value, StringComparer.Ordinal).Select(m => Mean(m.Node, m.Lines))];
    }

    private static ScorecardLine Mean(TerritoryNode node, List<ScorecardLine> lines)
    {
        var items = lines[0].Items.Select((first, i) => new ScorecardPoints(
            first.Key, Math.Round(lines.Average(l => l.Items[i].Points), 2, MidpointRounding.AwayFromZero), null, lines.Sum(l => l.Items[i].Count))).ToList();
        var kind = node.Level switch
        {
            TerritoryLevel.Street => ScorecardLineKind.Street,
            TerritoryLevel.Community => ScorecardLineKind.Community,
            _ => ScorecardLineKind.Grid,
        };
        return new ScorecardLine(kind, node.Code.Value, node.Name, node.Code.Value, lines.Count, items,
            Math.Round(lines.Average(l => l.Total), 2, MidpointRounding.AwayFromZero));
    }

    private static double Sum(IEnumerable<double> points) => Math.Round(points.Sum(), 2, MidpointRounding.AwayFromZero);
}
