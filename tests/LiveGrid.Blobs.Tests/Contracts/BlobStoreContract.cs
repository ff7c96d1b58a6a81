using System.Security.Cryptography;
using System.Text;
using LiveGrid.Blobs.Tests.Support;

namespace LiveGrid.Blobs.Tests.Contracts;

/// <summary>
/// What every <see cref="IBlobStore"/> does. Each provider's test class only says how to make its store; every test
/// uses a container of its own, so providers may share one server.
/// </summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    private IBlobStore? _store;

    protected IBlobStore Store => _store ?? throw new InvalidOperationException("the store is made in InitializeAsync");

    /// <summary>A container no other test uses.</summary>
    protected string Container { get; } = $"t-{Guid.NewGuid():N}"[..30];

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected abstract Task<IBlobStore> CreateStoreAsync();

    [Fact]
    public async Task Binary_content_with_a_chinese_name_and_metadata_round_trips()
    {
        var content = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256)).ToArray();
        const string name = "网格/东城区/东直门 照片(1).jpg";
        var metadata = new Dictionary<string, string> { ["caption"] = "井盖破损 — 东直门外大街 12 号", ["grid_id"] = "G-0012", ["note"] = "100% 完成; a=b&c" };

        var put = await Store.PutAsync(Container, name, new MemoryStream(content), "image/jpeg", metadata);

        put.Name.Should().Be(name);
        put.Length.Should().Be(content.Length);
        put.ETag.Should().NotBeNullOrWhiteSpace();
        await using var download = await Store.GetAsync(Container, name);
        download.Should().NotBeNull();
        download!.ContentType.Should().Be("image/jpeg");
        download.Length.Should().Be(content.Length);
        download.ETag.Should().Be(put.ETag);
        download.Properties.Metadata.Should().Equal(metadata);
        using var read = new MemoryStream();
        await download.Content.CopyToAsync(read);
        read.ToArray().Should().Equal(content);
        (await Store.ExistsAsync(Container, name)).Should().BeTrue();
        var properties = await Store.GetPropertiesAsync(Container, name);
        properties!.ETag.Should().Be(put.ETag);
        properties.Metadata.Should().Equal(metadata);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task The_content_type_is_kept(string contentType)
    {
        await Store.PutAsync(Container, "file", BlobContent.Of("x"), contentType);

        (await Store.GetPropertiesAsync(Container, "file"))!.ContentType.Should().Be(contentType);
        await using var download = await Store.GetAsync(Container, "file");
        download!.ContentType.Should().Be(contentType);
    }

    [Fact]
    public async Task An_empty_blob_round_trips()
    {
        await Store.PutAsync(Container, "empty.txt", new MemoryStream(), "text/plain");

        (await BlobContent.ReadAllAsync(Store, Container, "empty.txt")).Should().BeEmpty();
        (await Store.GetPropertiesAsync(Container, "empty.txt"))!.Length.Should().Be(0);
    }

    [Fact]
    public async Task Overwrite_replaces_content_type_metadata_and_etag()
    {
        var first = await Store.PutAsync(Container, "report.csv", BlobContent.Of("old"), "text/csv", new Dictionary<string, string> { ["version"] = "1", ["gone"] = "x" });

        var second = await Store.PutAsync(Container, "report.csv", BlobContent.Of("new content"), "text/plain", new Dictionary<string, string> { ["version"] = "2" });

        second.ETag.Should().NotBe(first.ETag);
        (await BlobContent.ReadTextAsync(Store, Container, "report.csv")).Should().Be("new content");
        var properties = await Store.GetPropertiesAsync(Container, "report.csv");
        properties!.ContentType.Should().Be("text/plain");
        properties.Length.Should().Be("new content".Length);
        properties.ETag.Should().Be(second.ETag);
        properties.Metadata.Should().Equal(new Dictionary<string, string> { ["version"] = "2" });
    }

    [Fact]
    public async Task Create_only_on_a_taken_name_conflicts_and_changes_nothing()
    {
        var first = await Store.PutAsync(Container, "sha256/abc", BlobContent.Of("original"), "text/plain", mode: BlobWriteMode.CreateOnly);

        var again = () => Store.PutAsync(Container, "sha256/abc", BlobContent.Of("other"), "application/json", mode: BlobWriteMode.CreateOnly);

        var thrown = await again.Should().ThrowAsync<BlobAlreadyExistsException>();
        thrown.Which.Name.Should().Be("sha256/abc");
        thrown.Which.Container.Should().Be(Container);
        (await BlobContent.ReadTextAsync(Store, Container, "sha256/abc")).Should().Be("original");
        var properties = await Store.GetPropertiesAsync(Container, "sha256/abc");
        properties!.ETag.Should().Be(first.ETag);
        properties.ContentType.Should().Be("text/plain");
    }

    [Fact]
    public async Task Create_only_on_a_free_name_creates_it()
    {
        await Store.PutAsync(Container, "new", BlobContent.Of("v"), "text/plain", mode: BlobWriteMode.CreateOnly);

        (await BlobContent.ReadTextAsync(Store, Container, "new")).Should().Be("v");
    }

    [Fact]
    public async Task A_missing_blob_is_not_found_in_an_existing_and_in_a_missing_container()
    {
        await Store.PutAsync(Container, "present", BlobContent.Of("v"), "text/plain");

        (await Store.GetAsync(Container, "absent")).Should().BeNull();
        (await Store.GetPropertiesAsync(Container, "absent")).Should().BeNull();
        (await Store.ExistsAsync(Container, "absent")).Should().BeFalse();
        const string nowhere = "no-such-container-ever";
        (await Store.GetAsync(nowhere, "absent")).Should().BeNull();
        (await Store.ExistsAsync(nowhere, "absent")).Should().BeFalse();
        (await Store.ListAsync(nowhere)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Delete_removes_the_blob_and_is_idempotent()
    {
        await Store.PutAsync(Container, "a/b.txt", BlobContent.Of("v"), "text/plain");
        await Store.PutAsync(Container, "a/c.txt", BlobContent.Of("w"), "text/plain");

        (await Store.DeleteAsync(Container, "a/b.txt")).Should().BeTrue();
        (await Store.DeleteAsync(Container, "a/b.txt")).Should().BeFalse();
        (await Store.DeleteAsync("no-such-container-ever", "a/b.txt")).Should().BeFalse();

        (await Store.GetAsync(Container, "a/b.txt")).Should().BeNull();
        (await Store.ExistsAsync(Container, "a/b.txt")).Should().BeFalse();
        (await BlobContent.ListAllNamesAsync(Store, Container)).Should().Equal("a/c.txt");
    }

    [Fact]
    public async Task A_deleted_name_can_be_created_again()
    {
        await Store.PutAsync(Container, "x", BlobContent.Of("1"), "text/plain", mode: BlobWriteMode.CreateOnly);
        await Store.DeleteAsync(Container, "x");

        await Store.PutAsync(Container, "x", BlobContent.Of("2"), "text/plain", mode: BlobWriteMode.CreateOnly);

        (await BlobContent.ReadTextAsync(Store, Container, "x")).Should().Be("2");
    }

    [Fact]
    public async Task List_by_prefix_pages_through_every_match_in_name_order()
    {
        var wanted = Enumerable.Range(1, 7).Select(i => $"tickets/2026/{i:000}.jpg").ToList();
        foreach (var name in wanted.AsEnumerable().Reverse().Concat(["tickets/2025/001.jpg", "tickets/20260.jpg", "other/001.jpg", "tickets"]))
        {
            await Store.PutAsync(Container, name, BlobContent.Of(name), "image/jpeg", new Dictionary<string, string> { ["source"] = "巡查" });
        }

        var pages = new List<BlobPage>();
        string? token = null;
        do
        {
            var page = await Store.ListAsync(Container, "tickets/2026/", pageSize: 3, continuationToken: token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null && pages.Count < 10);

        pages.Select(page => page.Items.Count).Should().Equal(3, 3, 1);
        var items = pages.SelectMany(page => page.Items).ToList();
        items.Select(item => item.Name).Should().Equal(wanted);
        items.Should().AllSatisfy(item =>
        {
            item.Container.Should().Be(Container);
            item.ContentType.Should().Be("image/jpeg");
            item.Length.Should().Be(Encoding.UTF8.GetByteCount(item.Name));
            item.ETag.Should().NotBeNullOrWhiteSpace();
            item.Metadata.Should().Equal(new Dictionary<string, string> { ["source"] = "巡查" });
        });
        // A prefix need not end at a '/'.
        (await BlobContent.ListAllNamesAsync(Store, Container, "tickets/2026")).Should().Equal([.. wanted, "tickets/20260.jpg"]);
        (await BlobContent.ListAllNamesAsync(Store, Container)).Should().HaveCount(11).And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_name_and_names_under_it_and_percent_signs_coexist()
    {
        await Store.PutAsync(Container, "a", BlobContent.Of("leaf"), "text/plain");
        await Store.PutAsync(Container, "a/b", BlobContent.Of("child"), "text/plain");
        await Store.PutAsync(Container, "100%/a%meta", BlobContent.Of("percent"), "text/plain");
        await Store.PutAsync(Container, "100%25/x", BlobContent.Of("escaped-looking"), "text/plain");

        (await BlobContent.ReadTextAsync(Store, Container, "a")).Should().Be("leaf");
        (await BlobContent.ReadTextAsync(Store, Container, "a/b")).Should().Be("child");
        (await BlobContent.ReadTextAsync(Store, Container, "100%/a%meta")).Should().Be("percent");
        (await BlobContent.ReadTextAsync(Store, Container, "100%25/x")).Should().Be("escaped-looking");
        (await BlobContent.ListAllNamesAsync(Store, Container)).Should().Equal("100%/a%meta", "100%25/x", "a", "a/b");
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("a/./b")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("a\\..\\b")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    [InlineData("nul\0byte")]
    [InlineData("a//b")]
    [InlineData("trailing/")]
    [InlineData("trailing.")]
    [InlineData("")]
    public async Task Invalid_blob_names_are_refused_and_nothing_is_written(string name)
    {
        var put = () => Store.PutAsync(Container, name, BlobContent.Of("x"), "text/plain");

        (await put.Should().ThrowAsync<InvalidBlobNameException>()).Which.Message.Should().NotBeNullOrWhiteSpace();
        await FluentActions.Awaiting(() => Store.GetAsync(Container, name)).Should().ThrowAsync<InvalidBlobNameException>();
        await FluentActions.Awaiting(() => Store.ExistsAsync(Container, name)).Should().ThrowAsync<InvalidBlobNameException>();
        await FluentActions.Awaiting(() => Store.DeleteAsync(Container, name)).Should().ThrowAsync<InvalidBlobNameException>();
        (await Store.ListAsync(Container)).Items.Should().BeEmpty();
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("ab")]
    [InlineData("../etc")]
    [InlineData("a--b")]
    [InlineData("-abc")]
    [InlineData("网格照片")]
    public async Task Invalid_container_names_are_refused(string container)
    {
        var put = () => Store.PutAsync(container, "x", BlobContent.Of("x"), "text/plain");

        await put.Should().ThrowAsync<InvalidBlobNameException>();
        await FluentActions.Awaiting(() => Store.ListAsync(container)).Should().ThrowAsync<InvalidBlobNameException>();
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("Caption")]
    [InlineData("1st")]
    [InlineData("with-dash")]
    [InlineData("标题")]
    public async Task Invalid_metadata_keys_are_refused_and_nothing_is_written(string key)
    {
        var put = () => Store.PutAsync(Container, "x", BlobContent.Of("x"), "text/plain", new Dictionary<string, string> { [key] = "v" });

        await put.Should().ThrowAsync<InvalidBlobNameException>();
        (await Store.ExistsAsync(Container, "x")).Should().BeFalse();
    }

    [Fact]
    public async Task An_empty_metadata_value_is_refused()
    {
        var put = () => Store.PutAsync(Container, "x", BlobContent.Of("x"), "text/plain", new Dictionary<string, string> { ["note"] = string.Empty });

        await put.Should().ThrowAsync<InvalidBlobNameException>().WithMessage("*note*empty*");
        (await Store.ExistsAsync(Container, "x")).Should().BeFalse();
    }

    [Fact]
    public async Task Concurrent_create_only_puts_of_one_content_addressed_name_store_it_once()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("同一张照片", 2000)));
        var name = "sha256/" + Convert.ToHexStringLower(SHA256.HashData(content));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Store.PutAsync(Container, name, new MemoryStream(content), "image/jpeg", mode: BlobWriteMode.CreateOnly);
                return "created";
            }
            catch (BlobAlreadyExistsException)
            {
                return "exists";
            }
        })));

        outcomes.Count(outcome => outcome == "created").Should().Be(1);
        outcomes.Count(outcome => outcome == "exists").Should().Be(11);
        (await BlobContent.ReadAllAsync(Store, Container, name)).Should().Equal(content);
        (await BlobContent.ListAllNamesAsync(Store, Container)).Should().Equal(name);
    }

    [Fact]
    public async Task Concurrent_overwrites_leave_one_whole_version()
    {
        var versions = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 100_000)).ToList();

        await Task.WhenAll(versions.Select(version => Task.Run(() => Store.PutAsync(Container, "contended", BlobContent.Of(version), "text/plain"))));

        var stored = await BlobContent.ReadTextAsync(Store, Container, "contended");
        versions.Should().Contain(stored);
        (await Store.GetPropertiesAsync(Container, "contended"))!.Length.Should().Be(100_000);
    }

    [Fact]
    public async Task A_10_MB_blob_streams_in_and_out()
    {
        const long length = 10L * 1024 * 1024;
        var expected = SHA256.HashData(GeneratedStream.Expected(length, seed: 42));

        var put = await Store.PutAsync(Container, "exports/large.bin", new GeneratedStream(length, seed: 42), "application/octet-stream");

        put.Length.Should().Be(length);
        await using var download = await Store.GetAsync(Container, "exports/large.bin");
        download!.Length.Should().Be(length);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await download.Content.ReadAsync(buffer)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            total += read;
        }

        total.Should().Be(length);
        hash.GetHashAndReset().Should().Equal(expected);
    }

    [Fact]
    public async Task The_health_probe_says_healthy()
    {
        var health = await Store.CheckHealthAsync();

        health.Healthy.Should().BeTrue(health.Description);
        health.Provider.Should().Be(Store.ProviderName);
        health.Description.Should().NotBeNullOrWhiteSpace();
    }

    /// <summary>Provider-specific proof that a refused request left no trace (e.g. no file anywhere under the folder).</summary>
    protected virtual Task AssertNothingWrittenAsync() => Task.CompletedTask;
}
