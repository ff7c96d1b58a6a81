using LiveGrid.Runtime;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.Storage;
using LiveGrid.Storage.Tests.Redis;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using static LiveGrid.Storage.Tests.Contracts.StorageProviders;

namespace LiveGrid.Storage.Tests.Hosting;

/// <summary>AddSqliteStorage / AddRedisStorage replace the memory defaults, and both providers share one store.</summary>
public sealed class StorageRegistrationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private readonly TempDirectory _directory = new("sqlite-di");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AddSqliteStorage_replaces_memory_and_shares_one_database()
    {
        var builder = new TestRuntimeBuilder();
        builder.AddSqliteStorage(o => o.DataDirectory = _directory.Path);
        var id = new GrainId("grid", "朝阳区-网格-001");

        await using (var services = builder.Services.BuildServiceProvider())
        {
            var storage = services.GetRequiredService<IGrainStorage>().Should().BeOfType<SqliteGrainStorage>().Subject;
            var reminders = services.GetRequiredService<IReminderTable>().Should().BeOfType<SqliteReminderTable>().Subject;
            storage.Database.Should().BeSameAs(reminders.Database);
            storage.Database.DatabasePath.Should().Be(Path.Combine(_directory.Path, "livegrid.db"));

            await storage.WriteAsync("state", id, Bytes("kept"), null);
            await reminders.UpsertAsync(new ReminderEntry(id, "overdue-check", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)));
        }

        await using var reopened = new SqliteGrainStorage(new SqliteStorageOptions { DataDirectory = _directory.Path });
        (await reopened.ReadAsync("state", id))!.Data.Should().Equal(Bytes("kept"));
        await using var reopenedReminders = new SqliteReminderTable(reopened.Database);
        (await reopenedReminders.ReadAsync(id)).Should().ContainSingle();
    }

    [Fact]
    public async Task AddRedisStorage_replaces_memory_and_uses_the_configured_server()
    {
        var builder = new TestRuntimeBuilder();
        var prefix = redis.Server.NewKeyPrefix("di");
        builder.AddRedisStorage(o =>
        {
            o.ConnectionString = redis.Server.ConnectionString;
            o.KeyPrefix = prefix;
        });
        var id = new GrainId("grid", "朝阳区-网格-001");

        await using (var services = builder.Services.BuildServiceProvider())
        {
            var storage = services.GetRequiredService<IGrainStorage>().Should().BeOfType<RedisGrainStorage>().Subject;
            services.GetRequiredService<IReminderTable>().Should().BeOfType<RedisReminderTable>();
            (await storage.CheckHealthAsync()).Healthy.Should().BeTrue();
            await storage.WriteAsync("state", id, Bytes("kept"), null);
        }

        await using var reopened = new RedisGrainStorage(new RedisStorageOptions { ConnectionString = redis.Server.ConnectionString, KeyPrefix = prefix });
        (await reopened.ReadAsync("state", id))!.Data.Should().Equal(Bytes("kept"));
    }
}
