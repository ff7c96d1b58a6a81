using System.Diagnostics;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveGrid.Runtime.Redis;

/// <summary>Grain state in Redis: one hash (fields data, etag) per record, changed only through compare-and-set Lua scripts.</summary>
public sealed class RedisGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private static readonly RedisValue[] StateFields = ["data", "etag"];

    private readonly RedisConnection _connection;
    private readonly bool _ownsConnection;

    /// <summary>Uses a connection shared with other providers (the DI setup).</summary>
    public RedisGrainStorage(RedisConnection connection)
    {
        _connection = connection ?? throw new ArgumentNullException(nameof(connection));
    }

    /// <summary>Opens its own connection; disposing closes it.</summary>
    public RedisGrainStorage(RedisStorageOptions options)
    {
        _connection = new RedisConnection(Options.Create(options));
        _ownsConnection = true;
    }

    public string ProviderName => "redis";

    public async Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        var key = _connection.Keys.State(stateName, grainId);
        var values = await _connection.RunAsync("HMGET", db => db.HashGetAsync(key, StateFields), cancellationToken).ConfigureAwait(false);
        if (values[1].IsNull)
        {
            return null;
        }

        return new StoredState((byte[]?)values[0] ?? [], values[1]!);
    }

    public async Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        RedisKey[] keys = [_connection.Keys.State(stateName, grainId), _connection.Keys.EtagSequence];
        RedisValue[] args = [expectedEtag ?? string.Empty, data.ToArray()];
        var result = await _connection.RunAsync("write script", db => db.ScriptEvaluateAsync(RedisScripts.WriteState, keys, args), cancellationToken).ConfigureAwait(false);
        return Outcome(result, stateName, grainId, expectedEtag);
    }

    public async Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        RedisKey[] keys = [_connection.Keys.State(stateName, grainId)];
        RedisValue[] args = [expectedEtag ?? string.Empty];
        var result = await _connection.RunAsync("clear script", db => db.ScriptEvaluateAsync(RedisScripts.ClearState, keys, args), cancellationToken).ConfigureAwait(false);
        Outcome(result, stateName, grainId, expectedEtag);
    }

    public async Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _connection.RunAsync("PING", db => db.PingAsync(), cancellationToken).ConfigureAwait(false);
            return new StorageHealth(ProviderName, true, Stopwatch.GetElapsedTime(started), $"redis {_connection.Endpoint} answered PING");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StorageHealth(ProviderName, false, Stopwatch.GetElapsedTime(started), $"redis {_connection.Endpoint}: {exception.Message}");
        }
    }

    public ValueTask DisposeAsync() => _ownsConnection ? _connection.DisposeAsync() : ValueTask.CompletedTask;

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static string Outcome(RedisResult result, string stateName, GrainId grainId, string? expectedEtag)
    {
        var parts = (RedisResult[])result;
        var etag = (string)parts[1];
        if ((long)parts[0] == 1)
        {
            return etag;
        }

        throw RedisConflict.Mismatch(stateName, grainId, string.IsNullOrEmpty(etag) ? null : etag, expectedEtag);
    }
}
