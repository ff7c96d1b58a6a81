namespace LiveGrid.Runtime.State;

/// <summary>
/// A grain's durable state, injected into the grain's constructor with <see cref="PersistentStateAttribute"/>.
/// Read before <see cref="Grain.OnActivateAsync"/>. Writes are optimistic: a write whose ETag is stale
/// fails with <see cref="InconsistentStateException"/> and changes nothing. A write returns only when durable.
/// </summary>
public interface IPersistentState<TState>
{
    TState State { get; set; }

    string? Etag { get; }

    bool RecordExists { get; }

    Task ReadStateAsync(CancellationToken cancellationToken = default);

    Task WriteStateAsync(CancellationToken cancellationToken = default);

    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
