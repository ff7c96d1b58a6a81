using LiveGrid.Blobs.Folder;
using LiveGrid.Blobs.Tests.Contracts;
using LiveGrid.Blobs.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.Options;

namespace LiveGrid.Blobs.Tests.Folder;

/// <summary>The contract on a local folder, plus what only a folder can show: durability across instances, no stray files.</summary>
public sealed class FolderBlobStoreTests : BlobStoreContract
{
    private readonly TempDirectory _outer = new("blobs");

    private string Root => _outer.Combine("root");

    public override Task DisposeAsync()
    {
        _outer.Dispose();
        return Task.CompletedTask;
    }

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(NewStore());

    protected override Task AssertNothingWrittenAsync()
    {
        // Not inside the root (beyond the empty temp folder) and nothing next to it: ".." never escaped.
        var files = Directory.Exists(Root) ? Directory.GetFiles(Root, "*", SearchOption.AllDirectories) : [];
        files.Should().BeEmpty();
        Directory.GetFileSystemEntries(_outer.Path).Select(Path.GetFileName).Should().BeSubsetOf(["root"]);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_blob_put_by_one_instance_is_read_by_a_new_one_on_the_same_folder()
    {
        await Store.PutAsync(Container, "照片/1.jpg", BlobContent.Of("durable"), "image/jpeg", new Dictionary<string, string> { ["who"] = "网格员" });

        var reopened = NewStore();

        (await BlobContent.ReadTextAsync(reopened, Container, "照片/1.jpg")).Should().Be("durable");
        (await reopened.GetPropertiesAsync(Container, "照片/1.jpg"))!.Metadata["who"].Should().Be("网格员");
    }

    [Fact]
    public async Task Overwrites_and_deletes_leave_no_content_or_temp_files_behind()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.PutAsync(Container, "a/b.txt", BlobContent.Of($"v{i}"), "text/plain");
        }

        Directory.GetFiles(Path.Combine(Root, Container), "*", SearchOption.AllDirectories).Should().HaveCount(2, "one sidecar and one content file");
        await Store.DeleteAsync(Container, "a/b.txt");
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Should().BeEmpty();
    }

    [Fact]
    public async Task A_reader_keeps_its_version_while_the_blob_is_overwritten()
    {
        await Store.PutAsync(Container, "doc", BlobContent.Of("first version"), "text/plain");
        await using var open = await Store.GetAsync(Container, "doc");

        await Store.PutAsync(Container, "doc", BlobContent.Of("second version"), "text/plain");

        using var reader = new StreamReader(open!.Content);
        (await reader.ReadToEndAsync()).Should().Be("first version");
        (await BlobContent.ReadTextAsync(Store, Container, "doc")).Should().Be("second version");
    }

    [Fact]
    public void A_relative_root_is_refused()
    {
        var create = () => new FolderBlobStore(Options.Create(new FolderBlobStoreOptions { RootDirectory = "data/blobs" }));

        create.Should().Throw<ArgumentException>().WithMessage("*absolute*");
    }

    [Fact]
    public async Task An_unwritable_root_is_unhealthy()
    {
        File.WriteAllText(_outer.Combine("file"), "not a folder");
        var store = new FolderBlobStore(Options.Create(new FolderBlobStoreOptions { RootDirectory = _outer.Combine("file", "blobs") }));

        var health = await store.CheckHealthAsync();

        health.Healthy.Should().BeFalse();
        health.Description.Should().Contain("not writable");
    }

    private FolderBlobStore NewStore() => new(Options.Create(new FolderBlobStoreOptions { RootDirectory = Root }));
}
