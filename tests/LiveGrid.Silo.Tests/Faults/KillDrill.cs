using System.Diagnostics;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// kill -9 the silo while <c>lanes</c> lanes of ticket work run against it, once <c>killAfterAcknowledged</c> actions
/// were acknowledged; start it again on the same store; check every acknowledged action is there and nothing is half
/// applied (<see cref="DurabilityCheck"/>), then that the SLA timers of the open tickets fire (<see cref="DeadlineCheck"/>).
/// </summary>
internal static class KillDrill
{
    public static async Task<KillDrillReport> RunAsync(
        FaultSilo silo, int lanes, int killAfterAcknowledged, TimeSpan loadTimeout, TimeSpan advanceTimeout)
    {
        var load = new TicketLoad(() => silo.ClientIfRunning);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(lanes, stop.Token);
        var started = Stopwatch.GetTimestamp();
        using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(5)))
        {
            while (load.Acknowledged < killAfterAcknowledged)
            {
                if (Stopwatch.GetElapsedTime(started) > loadTimeout || running.IsCompleted)
                {
                    await stop.CancelAsync();
                    throw new TimeoutException(
                        $"Only {load.Acknowledged} of {killAfterAcknowledged} actions acknowledged in {loadTimeout.TotalSeconds:0} s. "
                        + $"Last answers: {string.Join(" | ", load.Attempts.TakeLast(5).Select(a => $"{a.Action} {a.Status} {a.Failure}"))}{Environment.NewLine}{silo.Output}");
                }

                await poll.WaitForNextTickAsync();
            }
        }

        // Mid-load: the lanes have requests in flight when the process dies.
        await silo.KillAsync();
        var loadedFor = Stopwatch.GetElapsedTime(started);
        await stop.CancelAsync();
        await running;

        var restartTook = await silo.RestartAsync();
        var attempts = load.Attempts;
        var durability = await DurabilityCheck.CheckAsync(silo.Http, attempts);
        var tickets = attempts.Where(a => a.Acknowledged).Select(a => a.TicketId!).Distinct().ToList();
        var deadlines = await DeadlineCheck.CheckAsync(silo, tickets, advanceTimeout);
        return new KillDrillReport(silo.Storage.Name, lanes, loadedFor, attempts.Count, attempts.Count(a => a.Status is null),
            restartTook, durability, deadlines);
    }
}
