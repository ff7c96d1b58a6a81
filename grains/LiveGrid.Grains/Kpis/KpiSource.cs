using LiveGrid.Grains.City;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Kpis;

/// <summary>
/// Loads the ticket records of a period: every ticket numbered on the period's local days and on the
/// <c>lookBackDays</c> days before it (tickets received earlier that were dispatched, resolved or closed in the period),
/// numbers 1..Count of each day's <see cref="ITicketNumberGrain"/>, as <see cref="Catalog.TicketCatalogLoader"/> does.
/// A ticket received before the look-back is not seen, so choose the look-back longer than the longest limit plus
/// extensions. Every ticket read is activated: this is a report, not a board.
/// </summary>
public static class KpiSource
{
    /// <summary>The default look-back: a month and a half covers the longest published limits (20 working days) with extensions.</summary>
    public const int DefaultLookBackDays = 45;

    public static async Task<IReadOnlyList<KpiTicket>> LoadAsync(
        IGrainFactory grains, DateOnly from, DateOnly to, int lookBackDays = DefaultLookBackDays, int parallelism = 16,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentOutOfRangeException.ThrowIfNegative(lookBackDays);
        var dates = new List<DateOnly>();
        for (var day = from.AddDays(-lookBackDays); day < to; day = day.AddDays(1))
        {
            dates.Add(day);
        }

        var counts = await Task.WhenAll(dates.Select(date => grains.GetGrain<ITicketNumberGrain>(TicketNumberGrain.KeyFor(date)).Count()));
        var ids = dates.Zip(counts)
            .SelectMany(day => Enumerable.Range(1, day.Second).Select(n => $"{TicketNumberGrain.KeyFor(day.First)}-{n:000000}"))
            .ToList();

        var tickets = new KpiTicket?[ids.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Count), options, async (index, _) =>
        {
            var grain = grains.GetGrain<ITicketGrain>(ids[index]);
            if (await grain.Get() is { } view)
            {
                tickets[index] = KpiTicket.From(view, await grain.GetAuditTrail());
            }
        });

        return [.. tickets.OfType<KpiTicket>()];
    }

    /// <summary>
    /// The scheduled patrols of the period's local days in the scope's grids (all grids for a worker scope, none for a
    /// unit scope). Patrol keys are known ("{grid}-{yyyyMMdd}-{shift}", <see cref="PatrolSchedulerGrain"/>), so this costs
    /// one read per grid, day and shift: a long period over a large area is a heavy report.
    /// </summary>
    public static async Task<IReadOnlyList<InspectionSummary>> LoadPatrolsAsync(
        IGrainFactory grains, CityModel city, DateOnly from, DateOnly to, KpiScope scope, int parallelism = 16,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Kind == KpiScopeKind.Unit)
        {
            return [];
        }

        var grids = city.Territory.Index.Grids
            .Where(g => scope.Kind != KpiScopeKind.Area || g.Code.Value.StartsWith(scope.Value, StringComparison.Ordinal))
            .Select(g => g.Code.Value)
            .ToList();
        var keys = new List<string>();
        for (var day = from; day < to; day = day.AddDays(1))
        {
            foreach (var grid in grids)
            {
                for (var shift = 0; shift < city.Policies.Shifts.Count; shift++)
                {
                    keys.Add($"{grid}-{day:yyyyMMdd}-{shift}");
                }
            }
        }

        var patrols = new InspectionSummary?[keys.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, keys.Count), options, async (index, _) =>
            patrols[index] = (await grains.GetGrain<IInspectionGrain>(keys[index]).Get())?.Summary);
        return [.. patrols.OfType<InspectionSummary>()];
    }

    /// <summary>Loads tickets and patrols and computes in one step, in the city's time zone.</summary>
    public static async Task<KpiReport> ReportAsync(
        IGrainFactory grains, CityModel city, DateOnly from, DateOnly to, KpiScope scope, int lookBackDays = DefaultLookBackDays,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(city);
        var tickets = await LoadAsync(grains, from, to, lookBackDays, cancellationToken: cancellationToken);
        var patrols = await LoadPatrolsAsync(grains, city, from, to, scope, cancellationToken: cancellationToken);
        return KpiEngine.Compute(city.TimeZone, from, to, scope, tickets, patrols);
    }
}
