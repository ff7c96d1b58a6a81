using System.Diagnostics;
using LiveGrid.Bench.Harness;
using StackExchange.Redis;

namespace LiveGrid.Bench.Ceilings;

/// <summary>
/// What this Redis server gives plain SETs of the same payload: pipelined fire-and-forget on one connection
/// (the ceiling), and, for diagnosis, N writers each awaiting its SET (the provider's concurrency pattern).
/// </summary>
public sealed class RedisCeiling(IDatabase database, string keyPrefix, int keys, byte[] payload)
{
    private readonly RedisKey[] _keys = [.. Enumerable.Range(0, keys).Select(i => (RedisKey)$"{keyPrefix}raw:{i}")];

    /// <summary><paramref name="writes"/> SETs sent without waiting; the last one is awaited (replies come in order, so all before it are applied too).</summary>
    public async Task<double> PipelinedAsync(int writes)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < writes - 1; i++)
        {
            database.StringSet(_keys[i % _keys.Length], payload, flags: CommandFlags.FireAndForget);
        }

        await database.StringSetAsync(_keys[(writes - 1) % _keys.Length], payload);
        return writes / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    /// <summary><paramref name="writers"/> loops, each awaiting one SET before sending the next.</summary>
    public Task<CallerRun> AwaitedAsync(int writers, TimeSpan window) =>
        Callers.RunAsync(writers, window, async (i, stop) =>
        {
            var key = _keys[i % _keys.Length];
            long writes = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                await database.StringSetAsync(key, payload);
                writes++;
            }

            return writes;
        });
}
