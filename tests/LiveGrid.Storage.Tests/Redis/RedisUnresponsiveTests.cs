using System.Diagnostics;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Redis;
using StackExchange.Redis;

namespace LiveGrid.Storage.Tests.Redis;

/// <summary>A Redis that accepts connections but never answers must not hang callers either.</summary>
public sealed class RedisUnresponsiveTests : IAsyncLifetime
{
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(8);

    private readonly SilentTcpServer _silent = new();
    private RedisGrainStorage _storage = null!;

    public Task InitializeAsync()
    {
        _storage = new RedisGrainStorage(new RedisStorageOptions
        {
            ConnectionString = $"127.0.0.1:{_silent.Port}",
            ConnectTimeout = TimeSpan.FromSeconds(1),
            OperationTimeout = TimeSpan.FromSeconds(2),
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _storage.DisposeAsync();
        await _silent.DisposeAsync();
    }

    [Fact]
    public async Task Writes_and_health_fail_within_seconds()
    {
        var clock = Stopwatch.StartNew();

        var write = () => _storage.WriteAsync("state", new GrainId("grid", "1"), "x"u8.ToArray(), null);
        var thrown = await write.Should().ThrowAsync<Exception>().WaitAsync(FailFast * 2);

        clock.Elapsed.Should().BeLessThan(FailFast);
        thrown.Which.Should().Match(e => e is RedisConnectionException || e is TimeoutException);

        clock.Restart();
        var health = await _storage.CheckHealthAsync().WaitAsync(FailFast * 2);
        clock.Elapsed.Should().BeLessThan(FailFast);
        health.Healthy.Should().BeFalse();
    }
}
