using System.Net;
using System.Text;
using LiveGrid.Blobs;
using LiveGrid.Blobs.Azure;
using LiveGrid.Blobs.Folder;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests;

/// <summary>LiveGrid:Blobs picks the blob store, refuses unusable settings at start, and /healthz reports the store.</summary>
public sealed class BlobStoreHostingTests
{
    [Fact]
    public async Task By_default_blobs_go_to_a_folder_under_the_data_directory()
    {
        using var data = new TempDirectory("silo");
        await using var app = InProcessSilo.Build(InProcessSilo.Sqlite(data.Path));

        var store = app.Services.GetRequiredService<IBlobStore>();

        store.Should().BeOfType<FolderBlobStore>().Which.RootDirectory.Should().Be(Path.Combine(data.Path, "blobs"));
        await store.PutAsync("attachments", "t/1.txt", new MemoryStream("附件"u8.ToArray()), "text/plain");
        File.Exists(Path.Combine(data.Path, "blobs", "attachments", "t", "1.txt%meta")).Should().BeTrue();
    }

    [Fact]
    public async Task A_relative_folder_is_under_the_content_root()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Blobs:Folder:RootDirectory"] = "my-blobs";
        await using var app = InProcessSilo.Build(settings, "--contentRoot", data.Path);

        var store = (FolderBlobStore)app.Services.GetRequiredService<IBlobStore>();

        store.RootDirectory.Should().Be(Path.Combine(data.Path, "my-blobs"));
    }

    [Fact]
    public void An_unknown_blob_provider_is_refused_naming_the_allowed_values()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?> { ["LiveGrid:Blobs:Provider"] = "S3" });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*'S3'*LiveGrid:Blobs:Provider*Allowed values: Folder, Azure*");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("this is not a connection string")]
    public void Azure_without_a_usable_connection_string_is_refused_in_one_line(string? connectionString)
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Blobs:Provider"] = "Azure",
            ["LiveGrid:Blobs:Azure:ConnectionString"] = connectionString,
        });

        var thrown = build.Should().Throw<LiveGridConfigurationException>().WithMessage("*LiveGrid:Blobs:Azure:ConnectionString*UseDevelopmentStorage=true*");
        thrown.Which.Message.Should().NotContain("\n");
    }

    [Fact]
    public void A_malformed_azure_timeout_is_refused()
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Blobs:Provider"] = "Azure",
            ["LiveGrid:Blobs:Azure:ConnectionString"] = "UseDevelopmentStorage=true",
            ["LiveGrid:Blobs:Azure:OperationTimeout"] = "soon",
        });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*LiveGrid:Blobs:Azure*");
    }

    [Fact]
    public async Task Healthz_reports_the_folder_blob_store()
    {
        using var data = new TempDirectory("silo");
        await using var silo = await InProcessSilo.StartAsync(InProcessSilo.Sqlite(data.Path));

        var (response, body) = await HealthJson.GetAsync(silo.Http);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var blobs = body.GetProperty("blobs");
        blobs.GetProperty("provider").GetString().Should().Be("folder");
        blobs.GetProperty("healthy").GetBoolean().Should().BeTrue();
        blobs.GetProperty("description").GetString().Should().Contain(Path.Combine(data.Path, "blobs"));
    }

    [Fact]
    public async Task Healthz_on_azurite_is_healthy_and_the_store_round_trips()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Blobs:Provider"] = "azure";
        settings["LiveGrid:Blobs:Azure:ConnectionString"] = azurite.ConnectionString;
        await using var silo = await InProcessSilo.StartAsync(settings);

        var (response, body) = await HealthJson.GetAsync(silo.Http);
        var store = silo.App.Services.GetRequiredService<IBlobStore>();
        await store.PutAsync("silo-hosting", "检查.txt", new MemoryStream(Encoding.UTF8.GetBytes("ok")), "text/plain");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("blobs").GetProperty("provider").GetString().Should().Be("azure");
        body.GetProperty("blobs").GetProperty("healthy").GetBoolean().Should().BeTrue();
        store.Should().BeOfType<AzureBlobStore>();
        (await store.ExistsAsync("silo-hosting", "检查.txt")).Should().BeTrue();
        await store.DeleteAsync("silo-hosting", "检查.txt");
    }

    [Fact]
    public async Task Healthz_with_azure_unreachable_answers_503_naming_the_blob_store()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Blobs:Provider"] = "Azure";
        settings["LiveGrid:Blobs:Azure:ConnectionString"] =
            $"DefaultEndpointsProtocol=http;AccountName={AzuriteServer.AccountName};AccountKey={AzuriteServer.AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{LoopbackPort.GetFree()}/{AzuriteServer.AccountName};";
        await using var silo = await InProcessSilo.StartAsync(settings);

        var (response, body) = await HealthJson.GetAsync(silo.Http);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        body.GetProperty("storage").GetProperty("healthy").GetBoolean().Should().BeTrue();
        body.GetProperty("blobs").GetProperty("healthy").GetBoolean().Should().BeFalse();
        body.GetProperty("blobs").GetProperty("description").GetString().Should().Contain("127.0.0.1");
    }
}
