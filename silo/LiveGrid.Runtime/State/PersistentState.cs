using System.Diagnostics;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.State;

/// <summary>
/// A grain's persistent state bound to one storage provider. Holds the ETag of what it last read or wrote,
/// so a write based on stale state is refused by the store instead of overwriting someone else's change.
/// </summary>
internal sealed class PersistentState<TState>(
    string stateName, GrainId grainId, IGrainStorage storage, GrainStateSerializer serializer, RuntimeMetrics metrics)
    : IPersistentState<TState>, IStateLoader
{
    private TState _state = CreateDefault();

    public TState State
    {
        get => _state;
        set => _state = value;
    }

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var stored = await storage.ReadAsync(stateName, grainId, cancellationToken);
        metrics.StorageCompleted(storage.ProviderName, "read", Stopwatch.GetElapsedTime(started));
        if (stored is null)
        {
            _state = CreateDefault();
            Etag = null;
        }
        else
        {
            _state = serializer.Deserialize<TState>(stored.Data);
            Etag = stored.ETag;
        }
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = serializer.Serialize(_state);
        var started = Stopwatch.GetTimestamp();
        Etag = await storage.WriteAsync(stateName, grainId, data, Etag, cancellationToken);
        metrics.StorageCompleted(storage.ProviderName, "write", Stopwatch.GetElapsedTime(started));
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        await storage.ClearAsync(stateName, grainId, Etag, cancellationToken);
        metrics.StorageCompleted(storage.ProviderName, "clear", Stopwatch.GetElapsedTime(started));
        Etag = null;
        _state = CreateDefault();
    }

    Task IStateLoader.ReadStateAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    private static TState CreateDefault() =>
        typeof(TState).IsValueType || typeof(TState).GetConstructor(Type.EmptyTypes) is not null
            ? Activator.CreateInstance<TState>()
            : default!;
}
