using LiveGrid.Testing;

namespace LiveGrid.Storage.Tests.Redis;

/// <summary>One real Redis per test class; tests inside it stay apart through their own key prefixes.</summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    public RedisServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
