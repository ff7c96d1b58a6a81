using LiveGrid.Testing;

namespace LiveGrid.Blobs.Tests.Azure;

/// <summary>One Azurite for every Azure test class (each test uses its own container).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite is started in InitializeAsync");

    public async Task InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
