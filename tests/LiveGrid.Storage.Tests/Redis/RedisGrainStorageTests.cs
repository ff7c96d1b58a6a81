using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Storage;
using LiveGrid.Storage.Tests.Contracts;

namespace LiveGrid.Storage.Tests.Redis;

/// <summary>The contract against a real redis-server; "durable" here means a new connection sees the data.</summary>
public sealed class RedisGrainStorageTests(RedisServerFixture redis) : DurableGrainStorageContract, IClassFixture<RedisServerFixture>
{
    private readonly string _keyPrefix = redis.Server.NewKeyPrefix("state");

    protected override IGrainStorage CreateStorage() =>
        new RedisGrainStorage(new RedisStorageOptions { ConnectionString = redis.Server.ConnectionString, KeyPrefix = _keyPrefix });

    // A shared external server (LIVEGRID_TEST_REDIS) must not collect test data.
    protected override Task DeleteStoreAsync() => redis.Server.DeleteKeysAsync(_keyPrefix);

    [Fact]
    public async Task Providers_with_different_key_prefixes_do_not_see_each_others_records()
    {
        await Storage.WriteAsync(StateName, Grid, "mine"u8.ToArray(), null);
        var neighbour = new RedisGrainStorage(new RedisStorageOptions { ConnectionString = redis.Server.ConnectionString, KeyPrefix = redis.Server.NewKeyPrefix("neighbour") });
        await using (neighbour)
        {
            (await neighbour.ReadAsync(StateName, Grid)).Should().BeNull();
            await neighbour.WriteAsync(StateName, Grid, "theirs"u8.ToArray(), null);
        }

        (await Storage.ReadAsync(StateName, Grid))!.Data.Should().Equal("mine"u8.ToArray());
    }

    [Fact]
    public async Task Every_key_lives_under_the_prefix_so_a_test_can_clean_up_after_itself()
    {
        var reminders = new RedisReminderTable(new RedisStorageOptions { ConnectionString = redis.Server.ConnectionString, KeyPrefix = _keyPrefix });
        await using (reminders)
        {
            await Storage.WriteAsync(StateName, Grid, "x"u8.ToArray(), null);
            await reminders.UpsertAsync(new ReminderEntry(Grid, "overdue-check", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(1)));
        }

        // State hash, reminder hash, reminder index, ETag counter.
        (await redis.Server.DeleteKeysAsync(_keyPrefix)).Should().Be(4);

        (await Storage.ReadAsync(StateName, Grid)).Should().BeNull();
    }
}
