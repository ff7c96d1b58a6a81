using System.Diagnostics;
using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Demo;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Reports;
using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Reports;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Hosting;

/// <summary>
/// LiveGrid's start-up work, once the grain runtime runs and before Kestrel serves: the territory (or the demo city on
/// a fresh install), the ticket catalog, the patrol schedule and a warm city board, so the first request already sees
/// the city as it is. When the store cannot be read (Redis down at start) the host still starts, /healthz says why,
/// and the work is retried in the background, like the runtime's reminders.
/// </summary>
public sealed class LiveGridStartup(
    IGrainFactory grains,
    CityModel city,
    ITicketCatalog catalog,
    TimeProvider time,
    StartupOptions options,
    IOptions<ReportOptions> reports,
    DemoUsers demoUsers,
    ILogger<LiveGridStartup> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromMinutes(1);

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the start-up work is done: before Kestrel serves, or later when it ran in the background.</summary>
    public Task Completion => _completion.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (options.LoadDemoCityWhenEmpty && !await grains.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Exists().WaitAsync(cancellationToken))
            {
                // A fresh install: serve at once (health within seconds); the demo city fills in while it loads.
                StartupLog.DemoCityLoading(logger);
                _ = Task.Run(() => RetryAsync(TimeSpan.Zero), CancellationToken.None);
                return;
            }

            await RunAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            StartupLog.StartupFailed(logger, ex);
            _ = RetryAsync(TimeSpan.FromSeconds(1));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _completion.TrySetCanceled(CancellationToken.None);
        return Task.CompletedTask;
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(CancellationToken cancellationToken)
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
            // One user per role, bound to a real demo worker and unit (README lists them).
            await demoUsers.CreateAsync(cancellationToken);
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
        if (reports.Value.Scheduled)
        {
            // Idempotent: arms the daily reports reminder (日报, and on their days 周报, 月度通报, 季度考核).
            await grains.GetGrain<IReportSchedulerGrain>("city").Start().WaitAsync(cancellationToken);
        }

        var board = await grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard().WaitAsync(cancellationToken);
        StartupLog.BoardsWarm(logger, board.Counters.Open, board.Children.Count);
        StartupLog.StartupDone(logger, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _completion.TrySetResult();
    }

    private async Task RetryAsync(TimeSpan firstDelay)
    {
        var delay = firstDelay;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, time, _stopping.Token);
                }

                await RunAsync(_stopping.Token);
                return;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                delay = TimeSpan.FromTicks(Math.Clamp(delay.Ticks * 2, TimeSpan.TicksPerSecond, MaximumRetryDelay.Ticks));
                StartupLog.StartupFailedAgain(logger, ex, delay);
            }
        }
    }
}
