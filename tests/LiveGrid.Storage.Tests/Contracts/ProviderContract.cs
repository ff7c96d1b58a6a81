using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Contracts;

/// <summary>
/// The life of a contract test's store: a first provider instance opened before the test, more opened by
/// durability tests over the same store, all closed afterwards, then the store itself removed.
/// </summary>
public abstract class ProviderContract<TProvider> : IAsyncLifetime
    where TProvider : class
{
    private readonly List<TProvider> _opened = [];

    /// <summary>The provider opened before the test.</summary>
    protected TProvider Provider { get; private set; } = null!;

    /// <summary>A new provider instance over this test's store: every instance sees the same data.</summary>
    protected abstract TProvider CreateProvider();

    /// <summary>Removes the test's store after all providers are closed.</summary>
    protected virtual Task DeleteStoreAsync() => Task.CompletedTask;

    public virtual Task InitializeAsync()
    {
        Provider = Open();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _opened)
        {
            await CloseAsync(provider);
        }

        await DeleteStoreAsync();
    }

    protected TProvider Open()
    {
        var provider = CreateProvider();
        _opened.Add(provider);
        return provider;
    }
}
