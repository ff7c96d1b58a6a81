using System.Diagnostics;
using StackExchange.Redis;

namespace LiveGrid.Bench.Ceilings;

/// <summary>
/// The most this Redis server gives one client connection: pipelined fire-and-forget SETs of the same payload,
/// the last one awaited (replies come in order, so all before it are applied too).
/// </summary>
public sealed class RedisCeiling(IDatabase database, string keyPrefix, int keys, byte[] payload)
{
    private readonly RedisKey[] _keys = [.. Enumerable.Range(0, keys).Select(i => (RedisKey)$"{keyPrefix}raw:{i}")];

    public async Task<double> MeasureAsync(int writes)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < writes - 1; i++)
        {
            database.StringSet(_keys[i % _keys.Length], payload, flags: CommandFlags.FireAndForget);
        }

        await database.StringSetAsync(_keys[(writes - 1) % _keys.Length], payload);
        return writes / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }
}
