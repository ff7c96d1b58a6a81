using System.Diagnostics;
using System.Text.Json;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// Redis killed under load and started again on the same data after <c>down</c>: while it is down, what the API
/// answers and how fast, what /healthz says; after it is back, how long until the silo (not restarted) acknowledges
/// actions again; finally the silo is killed and started again, and every acknowledged action must be in Redis and
/// every ticket's view before the kill must equal what the store holds (no change kept in memory that was not stored).
/// </summary>
internal static class OutageDrill
{
    private static readonly TimeSpan HealthEvery = TimeSpan.FromMilliseconds(500);

    public static async Task<OutageReport> RunAsync(
        FaultSilo silo, RestartableRedis redis, int lanes, int acknowledgedBefore, TimeSpan down, int acknowledgedAfter, TimeSpan timeout)
    {
        var load = new TicketLoad(() => silo.ClientIfRunning);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(lanes, stop.Token);
        try
        {
            await UntilAsync(() => load.Acknowledged >= acknowledgedBefore, $"{acknowledgedBefore} actions acknowledged before the outage", timeout, load);
            var before = load.Acknowledged;

            var downAt = load.Elapsed;
            await redis.KillAsync();
            var health = new List<HealthSample>();
            using (var every = new PeriodicTimer(HealthEvery))
            {
                while (load.Elapsed - downAt < down && await every.WaitForNextTickAsync())
                {
                    health.Add(await SampleHealthAsync(silo.Http, load));
                }
            }

            var restartAt = load.Elapsed;
            await redis.RestartAsync();
            var upAt = load.Elapsed;
            var afterOutage = load.Acknowledged;
            TimeSpan? healthyAfter = null;
            using (var every = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
            {
                while (healthyAfter is null && load.Elapsed - upAt < timeout && await every.WaitForNextTickAsync())
                {
                    var sample = await SampleHealthAsync(silo.Http, load);
                    healthyAfter = sample.Status == 200 ? sample.At + sample.Elapsed - upAt : null;
                }
            }

            await UntilAsync(() => load.Acknowledged >= afterOutage + acknowledgedAfter, $"{acknowledgedAfter} actions acknowledged after Redis returned", timeout, load);

            await stop.CancelAsync();
            await running;

            var attempts = load.Attempts;
            var during = attempts.Where(a => a.StartedAt >= downAt && a.StartedAt < restartAt).ToList();
            var recovered = attempts.Where(a => a.Acknowledged && a.StartedAt + a.Elapsed >= upAt)
                .Select(a => a.StartedAt + a.Elapsed - upAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();

            // What the running silo says of each ticket, then what a fresh process reads from Redis.
            var tickets = attempts.Where(a => a.TicketId is not null).Select(a => a.TicketId!).Distinct().ToList();
            var inMemory = await ViewsAsync(silo.Http, tickets);
            await silo.KillAsync();
            await silo.RestartAsync();
            var durability = await DurabilityCheck.CheckAsync(silo.Http, attempts);
            var stored = await ViewsAsync(silo.Http, tickets);
            var diverged = tickets.Where(id => inMemory[id] != stored[id]).Select(id => $"{id}: before the kill {inMemory[id]}, stored {stored[id]}").ToList();

            return new OutageReport(lanes, restartAt - downAt, during, health,
                recovered == TimeSpan.MaxValue ? null : recovered, healthyAfter,
                before, attempts.Count(a => a.Acknowledged && a.StartedAt >= upAt), durability, diverged);
        }
        finally
        {
            await stop.CancelAsync();
            await running;
        }
    }

    private static async Task<HealthSample> SampleHealthAsync(HttpClient http, TicketLoad load)
    {
        var at = load.Elapsed;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync("/healthz");
            return new HealthSample(at, (int)response.StatusCode, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new HealthSample(at, null, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Status and version of each ticket ("absent" when the silo does not know it).</summary>
    private static async Task<Dictionary<string, string>> ViewsAsync(HttpClient http, IEnumerable<string> ids)
    {
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            using var response = await http.GetAsync($"/api/tickets/{id}");
            if (!response.IsSuccessStatusCode)
            {
                views[id] = $"absent ({(int)response.StatusCode})";
                continue;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var summary = document.RootElement.GetProperty("summary");
            views[id] = $"{summary.GetProperty("status").GetString()} v{summary.GetProperty("version").GetInt32()}";
        }

        return views;
    }

    private static async Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout, TicketLoad load)
    {
        try
        {
            await Eventually.UntilAsync(condition, what, timeout);
        }
        catch (TimeoutException ex)
        {
            var last = string.Join(" | ", load.Attempts.TakeLast(5).Select(a => $"{a.Action} {a.Status} {a.Failure}"));
            throw new TimeoutException($"{ex.Message}. Last answers: {last}", ex);
        }
    }
}
