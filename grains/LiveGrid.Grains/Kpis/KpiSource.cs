using LiveGrid.Grains.City;
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

    /// <summary>Loads and computes in one step, in the city's time zone.</summary>
    public static async Task<KpiReport> ReportAsync(
        IGrainFactory grains, CityModel city, DateOnly from, DateOnly to, KpiScope scope, int lookBackDays = DefaultLookBackDays,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(city);
        var tickets = await LoadAsync(grains, from, to, lookBackDays, cancellationToken: cancellationToken);
        return KpiEngine.Compute(city.TimeZone, from, to, scope, tickets);
    }
}
