using System.Diagnostics;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Storage;
using LiveGrid.Testing;
using StackExchange.Redis;

namespace LiveGrid.Storage.Tests.Redis;

/// <summary>With Redis down, the providers must say so quickly instead of hanging the grains that use them.</summary>
public sealed class RedisUnavailableTests : IAsyncLifetime
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(8);
    private static readonly GrainId Grid = new("grid", "朝阳区-网格-001");

    private readonly RedisConnection _connection = new(Microsoft.Extensions.Options.Options.Create(new RedisStorageOptions
    {
        ConnectionString = $"127.0.0.1:{LoopbackPort.GetFree()}",
        KeyPrefix = "down:",
        ConnectTimeout = TimeSpan.FromSeconds(1),
        OperationTimeout = TimeSpan.FromSeconds(2),
    }));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task Health_reports_unhealthy_quickly()
    {
        var storage = new RedisGrainStorage(_connection);
        var clock = Stopwatch.StartNew();

        var health = await storage.CheckHealthAsync().WaitAsync(FailFast * 2);

        clock.Elapsed.Should().BeLessThan(FailFast);
        health.Healthy.Should().BeFalse();
        health.Provider.Should().Be("redis");
        health.Description.Should().Contain(_connection.Endpoint);
    }

    [Fact]
    public async Task State_operations_fail_fast_with_a_connection_error()
    {
        var storage = new RedisGrainStorage(_connection);

        await ShouldFailFast(() => storage.ReadAsync("state", Grid));
        await ShouldFailFast(() => storage.WriteAsync("state", Grid, "x"u8.ToArray(), null));
        await ShouldFailFast(() => storage.ClearAsync("state", Grid, "1"));
    }

    [Fact]
    public async Task Reminder_operations_fail_fast_with_a_connection_error()
    {
        var table = new RedisReminderTable(_connection);

        await ShouldFailFast(() => table.ReadAllAsync());
        await ShouldFailFast(() => table.UpsertAsync(new ReminderEntry(Grid, "overdue-check", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1))));
        await ShouldFailFast(() => table.RemoveAsync(Grid, "overdue-check", "1"));
    }

    private static async Task ShouldFailFast(Func<Task> operation)
    {
        var clock = Stopwatch.StartNew();

        var thrown = await operation.Should().ThrowAsync<Exception>().WaitAsync(FailFast * 2);

        clock.Elapsed.Should().BeLessThan(FailFast);
        thrown.Which.Should().Match(e => e is RedisConnectionException || e is TimeoutException);
    }
}
