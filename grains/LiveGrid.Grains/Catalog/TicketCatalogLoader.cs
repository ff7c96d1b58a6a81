using System.Diagnostics;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Catalog;

/// <summary>
/// Fills the in-memory catalog when the silo starts: every ticket numbered on the last <c>days</c> local days
/// (numbers 1..Count of each day's <see cref="ITicketNumberGrain"/>), then, from the <c>olderOpenDays</c> days before
/// those, the tickets still open. Run it before the grids activate (they rebuild their boards from the catalog). Every
/// ticket it reads is activated; the catalog keeps the highest revision, so tickets that change meanwhile are not set back.
/// </summary>
public static class TicketCatalogLoader
{
    public static async Task<CatalogLoadResult> LoadAsync(
        IGrainFactory grains, ITicketCatalog catalog, CityModel city, TimeProvider time, int days, CancellationToken cancellationToken = default,
        int olderOpenDays = 0, int parallelism = 32)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(city);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var watch = Stopwatch.StartNew();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };

        var today = city.LocalDate(time.GetUtcNow());
        var dates = Enumerable.Range(0, days).Select(back => today.AddDays(-back)).ToList();
        var counts = await Task.WhenAll(dates.Select(date => grains.GetGrain<ITicketNumberGrain>(TicketNumberGrain.KeyFor(date)).Count()));
        var ids = dates.Zip(counts)
            .SelectMany(day => Enumerable.Range(1, day.Second).Select(n => $"{TicketNumberGrain.KeyFor(day.First)}-{n:000000}"))
            .ToList();

        var loaded = 0;
        var missing = 0;
        await Parallel.ForEachAsync(ids, options, async (id, _) =>
        {
            if (await grains.GetGrain<ITicketGrain>(id).GetSummary() is { } summary)
            {
                catalog.Upsert(summary);
                Interlocked.Increment(ref loaded);
            }
            else
            {
                Interlocked.Increment(ref missing);
            }
        });

        // Older days are read for their open tickets (a ticket open for weeks still belongs on the lists). Each one costs
        // an activation, so the host chooses how far back; there is no index of open tickets to ask instead (the grids
        // rebuild theirs from this catalog). An activating ticket grain also puts its own summary into the catalog, so
        // the closed ones read here end up in it too.
        var olderIds = Enumerable.Range(days, Math.Max(0, olderOpenDays)).Select(back => today.AddDays(-back)).ToList();
        var olderCounts = await Task.WhenAll(olderIds.Select(date => grains.GetGrain<ITicketNumberGrain>(TicketNumberGrain.KeyFor(date)).Count()));
        var olderOpen = 0;
        await Parallel.ForEachAsync(
            olderIds.Zip(olderCounts).SelectMany(day => Enumerable.Range(1, day.Second).Select(n => $"{TicketNumberGrain.KeyFor(day.First)}-{n:000000}")),
            options,
            async (id, _) =>
            {
                if (await grains.GetGrain<ITicketGrain>(id).GetSummary() is { IsOpen: true } summary)
                {
                    catalog.Upsert(summary);
                    Interlocked.Increment(ref olderOpen);
                }
            });

        var open = catalog.All.Count(summary => summary.IsOpen);
        return new CatalogLoadResult(days, ids.Count, loaded, missing, olderOpen, open, watch.Elapsed);
    }
}
