using LiveGrid.Runtime;
using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Storage;
using LiveGrid.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Sqlite;

/// <summary>What the SQLite provider promises beyond the contract: WAL + FULL sync, group commit, a versioned schema.</summary>
public sealed class SqliteDatabaseTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("sqlite-db");
    private readonly List<SqliteDatabase> _databases = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _directory.Dispose();
    }

    [Fact]
    public async Task The_file_is_in_wal_mode_and_commits_with_synchronous_full()
    {
        var database = Open();
        var storage = new SqliteGrainStorage(database);
        await storage.WriteAsync("state", new GrainId("grid", "1"), Bytes("x"), null);

        database.JournalMode.Should().Be("wal");
        database.Synchronous.Should().Be("full");
        File.Exists(database.DatabasePath + "-wal").Should().BeTrue("a WAL database keeps its log next to the file while open");
        using (var outsider = OpenOutsider(database.DatabasePath))
        {
            Scalar(outsider, "PRAGMA journal_mode").Should().Be("wal", "WAL mode is recorded in the file itself");
        }

        (await storage.CheckHealthAsync()).Description.Should().Contain("journal_mode=wal").And.Contain("synchronous=full");
    }

    [Fact]
    public async Task FullSync_off_relaxes_to_synchronous_normal()
    {
        var database = Open(o => o.FullSync = false);

        await new SqliteGrainStorage(database).WriteAsync("state", new GrainId("grid", "1"), Bytes("x"), null);

        database.Synchronous.Should().Be("normal");
        database.JournalMode.Should().Be("wal");
    }

    [Fact]
    public async Task The_database_file_goes_where_the_options_say_with_a_versioned_schema()
    {
        var database = Open(o => o.FileName = "grid-city.db");

        await new SqliteGrainStorage(database).ReadAsync("state", new GrainId("grid", "1"));

        database.DatabasePath.Should().Be(Path.Combine(_directory.Path, "grid-city.db"));
        File.Exists(database.DatabasePath).Should().BeTrue();
        using var outsider = OpenOutsider(database.DatabasePath);
        Scalar(outsider, "SELECT MAX(version) FROM schema_version").Should().Be(1L);
        Scalar(outsider, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('grain_state', 'reminders')").Should().Be(2L);
    }

    [Fact]
    public async Task A_file_from_a_newer_schema_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(_directory.Path, "livegrid.db");
        using (var future = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            future.Open();
            Scalar(future, "CREATE TABLE schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_utc TEXT NOT NULL); INSERT INTO schema_version VALUES (99, '2030-01-01'); SELECT 1");
        }

        var read = () => new SqliteGrainStorage(Open()).ReadAsync("state", new GrainId("grid", "1"));

        (await read.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("schema version 99");
    }

    [Fact]
    public async Task Five_hundred_concurrent_writes_are_group_committed_and_all_read_back()
    {
        var database = Open();
        var storage = new SqliteGrainStorage(database);
        await storage.ReadAsync("state", new GrainId("grid", "warm-up"));
        var batchesBefore = database.CommittedBatches;

        var writes = Enumerable.Range(0, 500)
            .Select(i => Task.Run(() => storage.WriteAsync("state", new GrainId("grid", $"朝阳区-网格-{i:D3}"), Bytes($"grid {i}"), null)))
            .ToList();
        var etags = await Task.WhenAll(writes).WaitAsync(Patience);

        etags.Should().OnlyHaveUniqueItems();
        for (var i = 0; i < 500; i++)
        {
            var stored = await storage.ReadAsync("state", new GrainId("grid", $"朝阳区-网格-{i:D3}"));
            stored!.Data.Should().Equal(Bytes($"grid {i}"));
            stored.ETag.Should().Be(etags[i]);
        }

        var batches = database.CommittedBatches - batchesBefore;
        batches.Should().BeLessThan(500, "concurrent writers share commits (and fsyncs) instead of taking one each");
        database.CommittedOperations.Should().BeGreaterThanOrEqualTo(500);
    }

    [Fact]
    public async Task Writes_to_one_key_in_the_same_batch_behave_as_if_sequential()
    {
        var database = Open();
        var storage = new SqliteGrainStorage(database);
        await storage.ReadAsync("state", new GrainId("grid", "warm-up"));
        var batchesBefore = database.CommittedBatches;

        // Queued back to back, so most pairs land in one transaction; the second of each pair must see the first.
        var pairs = Enumerable.Range(0, 200)
            .Select(i =>
            {
                var id = new GrainId("grid", $"pair-{i}");
                return (Id: id, First: storage.WriteAsync("state", id, Bytes($"first {i}"), null), Second: storage.WriteAsync("state", id, Bytes($"second {i}"), null));
            })
            .ToList();

        foreach (var (id, first, second) in pairs)
        {
            var etag = await first.WaitAsync(Patience);
            var conflict = await FluentActions.Awaiting(() => second).Should().ThrowAsync<InconsistentStateException>();
            conflict.Which.StoredEtag.Should().Be(etag);
            var stored = await storage.ReadAsync("state", id);
            stored!.ETag.Should().Be(etag);
            stored.Data.Should().Equal(Bytes($"first {id.Key[5..]}"));
        }

        (database.CommittedBatches - batchesBefore).Should().BeLessThan(400, "the pairs were group committed");
    }

    [Fact]
    public async Task A_write_whose_caller_already_gave_up_is_not_applied()
    {
        var storage = new SqliteGrainStorage(Open());
        using var canceled = new CancellationTokenSource();
        await canceled.CancelAsync();

        var write = () => storage.WriteAsync("state", new GrainId("grid", "1"), Bytes("x"), null, canceled.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
        (await storage.ReadAsync("state", new GrainId("grid", "1"))).Should().BeNull();
    }

    [Fact]
    public async Task State_and_reminders_share_one_file()
    {
        var database = Open();
        var storage = new SqliteGrainStorage(database);
        var reminders = new SqliteReminderTable(database);

        await storage.WriteAsync("state", new GrainId("grid", "1"), Bytes("x"), null);
        await reminders.UpsertAsync(new ReminderEntry(new GrainId("grid", "1"), "overdue-check", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)));
        await database.FlushAsync();

        using var outsider = OpenOutsider(database.DatabasePath);
        Scalar(outsider, "SELECT COUNT(*) FROM grain_state").Should().Be(1L);
        Scalar(outsider, "SELECT COUNT(*) FROM reminders").Should().Be(1L);
    }

    [Fact]
    public async Task After_dispose_operations_fail_instead_of_hanging()
    {
        var database = Open();
        var storage = new SqliteGrainStorage(database);
        await storage.WriteAsync("state", new GrainId("grid", "1"), Bytes("x"), null);

        await database.DisposeAsync();

        await FluentActions.Awaiting(() => storage.WriteAsync("state", new GrainId("grid", "2"), Bytes("y"), null))
            .Should().ThrowAsync<ObjectDisposedException>();
        await FluentActions.Awaiting(() => storage.ReadAsync("state", new GrainId("grid", "1")))
            .Should().ThrowAsync<ObjectDisposedException>();
    }

    [Fact]
    public async Task Health_reports_unhealthy_when_the_file_cannot_be_opened()
    {
        // A regular file where the data folder should be: the directory cannot be created.
        var blocker = Path.Combine(_directory.Path, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "x");
        var storage = new SqliteGrainStorage(Open(o => o.DataDirectory = blocker));

        var health = await storage.CheckHealthAsync();

        health.Healthy.Should().BeFalse();
        health.Description.Should().Contain(blocker);
    }

    private SqliteDatabase Open(Action<SqliteStorageOptions>? configure = null)
    {
        var options = new SqliteStorageOptions { DataDirectory = _directory.Path };
        configure?.Invoke(options);
        var database = new SqliteDatabase(Options.Create(options));
        _databases.Add(database);
        return database;
    }

    private static SqliteConnection OpenOutsider(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
