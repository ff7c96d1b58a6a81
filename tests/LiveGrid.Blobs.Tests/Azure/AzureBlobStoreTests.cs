using LiveGrid.Blobs.Azure;
using LiveGrid.Blobs.Tests.Contracts;
using LiveGrid.Blobs.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.Options;

namespace LiveGrid.Blobs.Tests.Azure;

/// <summary>The contract against a real Azurite, plus how the Azure store reports an unreachable service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreTests(AzuriteFixture azurite) : BlobStoreContract
{
    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(NewStore(azurite.Server.ConnectionString));

    public override async Task DisposeAsync()
    {
        // Leave a shared (external) Azurite as we found it.
        foreach (var name in await BlobContent.ListAllNamesAsync(Store, Container))
        {
            await Store.DeleteAsync(Container, name);
        }
    }

    [Fact]
    public async Task Containers_are_created_on_demand_and_seen_by_another_client()
    {
        await Store.PutAsync(Container, "first", BlobContent.Of("v"), "text/plain");

        var other = NewStore(azurite.Server.ConnectionString);

        (await BlobContent.ReadTextAsync(other, Container, "first")).Should().Be("v");
    }

    [Fact]
    public async Task An_unreachable_service_is_unhealthy_and_a_put_says_unavailable()
    {
        var dead = NewStore($"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{LoopbackPort.GetFree()}/{AzuriteServer.AccountName};", TimeSpan.FromSeconds(5));

        var health = await dead.CheckHealthAsync();
        var put = () => dead.PutAsync(Container, "x", BlobContent.Of("x"), "text/plain");

        health.Healthy.Should().BeFalse();
        health.Description.Should().Contain("127.0.0.1");
        await put.Should().ThrowAsync<BlobStoreUnavailableException>();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a connection string")]
    [InlineData("AccountName=x")]
    public void A_bad_connection_string_is_refused_with_a_hint(string connectionString)
    {
        AzureBlobStore.TryParseConnectionString(connectionString, out _, out var error).Should().BeFalse();
        error.Should().Contain("UseDevelopmentStorage=true");
        var create = () => NewStore(connectionString);
        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_development_storage_shortcut_is_accepted()
    {
        AzureBlobStore.TryParseConnectionString("UseDevelopmentStorage=true", out var account, out _).Should().BeTrue();
        account.BlobEndpoint.Port.Should().Be(10000);
    }

    private static AzureBlobStore NewStore(string connectionString, TimeSpan? timeout = null) =>
        new(Options.Create(new AzureBlobStoreOptions { ConnectionString = connectionString, OperationTimeout = timeout ?? TimeSpan.FromMinutes(2) }));
}
