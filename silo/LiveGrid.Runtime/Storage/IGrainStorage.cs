namespace LiveGrid.Runtime.Storage;

/// <summary>
/// Stores grain state as opaque bytes under (state name, grain id), with ETag optimistic concurrency.
/// Every provider must pass the shared contract suite (tests/LiveGrid.Storage.Tests).
/// A task returned by a write or clear completes only once the change is durable.
/// </summary>
public interface IGrainStorage
{
    /// <summary>Provider name as shown in health and metrics ("sqlite", "redis", "memory").</summary>
    string ProviderName { get; }

    /// <summary>The stored record, or null if none exists.</summary>
    Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="data"/> if the stored ETag equals <paramref name="expectedEtag"/>
    /// (null: no record may exist). Returns the new ETag. On a mismatch throws
    /// <see cref="State.InconsistentStateException"/> and changes nothing.
    /// </summary>
    Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the record if the stored ETag equals <paramref name="expectedEtag"/> (null: succeeds only
    /// when no record exists, and is then a no-op). On a mismatch throws
    /// <see cref="State.InconsistentStateException"/> and changes nothing.
    /// </summary>
    Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default);

    /// <summary>A cheap round trip to the store, for /healthz.</summary>
    Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
