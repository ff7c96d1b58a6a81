using LiveGrid.Runtime;
using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>
/// A memory store that can be taken down, as Redis is in an outage: while <see cref="Down"/> every read, write and
/// clear fails without touching the data.
/// </summary>
public sealed class OutageStorage : IGrainStorage
{
    private readonly MemoryGrainStorage _inner = new();

    public bool Down { get; set; }

    public string ProviderName => _inner.ProviderName;

    public Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.ReadAsync(stateName, grainId, cancellationToken);
    }

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.WriteAsync(stateName, grainId, data, expectedEtag, cancellationToken);
    }

    public Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.ClearAsync(stateName, grainId, expectedEtag, cancellationToken);
    }

    public Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.CheckHealthAsync(cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (Down)
        {
            throw new IOException("The store is down.");
        }
    }
}
