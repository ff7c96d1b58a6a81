using System.Collections.Concurrent;
using LiveGrid.Runtime.State;

namespace LiveGrid.Runtime.Storage.Memory;

/// <summary>Grain state in process memory, for unit tests. Same contract as the durable providers, minus durability.</summary>
public sealed class MemoryGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string StateName, GrainId GrainId), StoredState> _records = new();
    private long _version;

    public string ProviderName => "memory";

    public Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryGetValue((stateName, grainId), out var stored) ? Copy(stored) : null);

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var key = (stateName, grainId);
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var next = new StoredState(data.ToArray(), etag);
        lock (_records)
        {
            _records.TryGetValue(key, out var current);
            if (current?.ETag != expectedEtag)
            {
                throw Mismatch(stateName, grainId, current?.ETag, expectedEtag);
            }

            _records[key] = next;
        }

        return Task.FromResult(etag);
    }

    public Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        var key = (stateName, grainId);
        lock (_records)
        {
            _records.TryGetValue(key, out var current);
            if (current?.ETag != expectedEtag)
            {
                throw Mismatch(stateName, grainId, current?.ETag, expectedEtag);
            }

            _records.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new StorageHealth(ProviderName, true, TimeSpan.Zero, "in-process memory (not durable)"));

    private static StoredState Copy(StoredState s) => new((byte[])s.Data.Clone(), s.ETag);

    private static InconsistentStateException Mismatch(string stateName, GrainId grainId, string? stored, string? expected) =>
        new($"State '{stateName}' of {grainId} was changed by someone else (stored ETag {stored ?? "none"}, expected {expected ?? "none"}).", stored, expected);
}
