using System.Diagnostics;
using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Demo;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Hosting;

/// <summary>
/// LiveGrid's start-up work, once the grain runtime runs and before Kestrel serves: the territory (or the demo city on
/// a fresh install), the ticket catalog, the patrol schedule and a warm city board, so the first request already sees
/// the city as it is.
/// </summary>
public sealed class LiveGridStartup(
    IGrainFactory grains,
    CityModel city,
    ITicketCatalog catalog,
    TimeProvider time,
    StartupOptions options,
    ILogger<LiveGridStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();

        if (await grains.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Restore().WaitAsync(cancellationToken))
        {
            StartupLog.TerritoryRestored(logger, city.Territory.Index.Grids.Count, city.Territory.Workers.Count);
        }
        else if (options.LoadDemoCityWhenEmpty)
        {
            var demo = await DemoCityLoader.LoadAsync(grains, city, time, cancellationToken: cancellationToken);
            StartupLog.DemoCityLoaded(logger, demo.Territory.Grids, demo.Territory.Workers, demo.Tickets);
        }
        else
        {
            StartupLog.NoTerritory(logger);
        }

        var loaded = await TicketCatalogLoader.LoadAsync(
            grains, catalog, city, time, options.CatalogDays, cancellationToken, olderOpenDays: options.OlderOpenDays);
        StartupLog.CatalogLoaded(logger, loaded.Loaded, loaded.OlderOpen, loaded.Open, loaded.Days);

        // Idempotent: arms the daily reminder and schedules today's patrols if that has not happened yet.
        await grains.GetGrain<IPatrolSchedulerGrain>("city").Start().WaitAsync(cancellationToken);

        var board = await grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard().WaitAsync(cancellationToken);
        StartupLog.BoardsWarm(logger, board.Counters.Open, board.Children.Count);
        StartupLog.StartupDone(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
