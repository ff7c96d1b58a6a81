using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Storage;
using LiveGrid.Storage.Tests.Contracts;

namespace LiveGrid.Storage.Tests.Redis;

public sealed class RedisReminderTableTests(RedisServerFixture redis) : DurableReminderTableContract, IClassFixture<RedisServerFixture>
{
    private readonly string _keyPrefix = redis.Server.NewKeyPrefix("reminders");

    protected override IReminderTable CreateTable() =>
        new RedisReminderTable(new RedisStorageOptions { ConnectionString = redis.Server.ConnectionString, KeyPrefix = _keyPrefix });

    // A shared external server (LIVEGRID_TEST_REDIS) must not collect test data.
    protected override Task DeleteStoreAsync() => redis.Server.DeleteKeysAsync(_keyPrefix);
}
