using System.Diagnostics;
using System.Net;
using System.Text.Json;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests;

/// <summary>GET /healthz over real HTTP against the real host, on each store.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Healthz_on_sqlite_answers_200_healthy_with_the_store_runtime_and_version()
    {
        using var data = new TempDirectory("silo");
        var settings = InProcessSilo.Sqlite(data.Path);
        settings["LiveGrid:Storage:Sqlite:FileName"] = "health.db";
        await using var silo = await InProcessSilo.StartAsync(settings);

        var (response, body) = await HealthJson.GetAsync(silo.Http);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.ContentType()!.MediaType.Should().Be("application/json");
        body.GetProperty("status").GetString().Should().Be("Healthy");
        var storage = body.GetProperty("storage");
        storage.GetProperty("provider").GetString().Should().Be("sqlite");
        storage.GetProperty("healthy").GetBoolean().Should().BeTrue();
        storage.GetProperty("latencyMs").GetDouble().Should().BeGreaterThanOrEqualTo(0);
        storage.GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        // The start-up work (territory, catalog, patrol scheduler, boards) has activated grains by the time it serves.
        body.GetProperty("runtime").GetProperty("activations").GetInt32().Should().BePositive();
        body.GetProperty("runtime").GetProperty("remindersLoaded").GetBoolean().Should().BeTrue();
        body.GetProperty("version").GetString().Should().NotBeNullOrWhiteSpace();
        // The configured directory and file name reached the store.
        File.Exists(Path.Combine(data.Path, "health.db")).Should().BeTrue();
    }

    [Fact]
    public async Task Healthz_on_redis_answers_200_healthy()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var silo = await InProcessSilo.StartAsync(InProcessSilo.Redis(redis.ConnectionString, redis.NewKeyPrefix()));

        var (response, body) = await HealthJson.GetAsync(silo.Http);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("status").GetString().Should().Be("Healthy");
        body.GetProperty("storage").GetProperty("provider").GetString().Should().Be("redis");
        body.GetProperty("storage").GetProperty("healthy").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Healthz_with_redis_down_answers_503_unhealthy_within_seconds()
    {
        var deadPort = LoopbackPort.GetFree();
        await using var silo = await InProcessSilo.StartAsync(InProcessSilo.Redis($"127.0.0.1:{deadPort}", "livegrid-dead:"));

        var started = Stopwatch.GetTimestamp();
        var (response, body) = await HealthJson.GetAsync(silo.Http);
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.ContentType()!.MediaType.Should().Be("application/json");
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        body.GetProperty("storage").GetProperty("provider").GetString().Should().Be("redis");
        body.GetProperty("storage").GetProperty("healthy").GetBoolean().Should().BeFalse();
        body.GetProperty("storage").GetProperty("description").GetString().Should().NotBeNullOrWhiteSpace();
        body.GetProperty("runtime").GetProperty("activations").ValueKind.Should().Be(JsonValueKind.Number);
        // Reminders could not be read from a Redis that is not there: the host started anyway and keeps trying.
        body.GetProperty("runtime").GetProperty("remindersLoaded").GetBoolean().Should().BeFalse();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Healthz_answers_503_unhealthy_within_seconds_once_redis_dies_under_a_running_silo()
    {
        await using var redis = await DisposableRedis.StartAsync();
        await using var silo = await InProcessSilo.StartAsync(InProcessSilo.Redis(redis.ConnectionString, "livegrid-dies:"));
        var (before, _) = await HealthJson.GetAsync(silo.Http);
        before.StatusCode.Should().Be(HttpStatusCode.OK);

        await redis.KillAsync();
        var started = Stopwatch.GetTimestamp();
        var (response, body) = await HealthJson.GetAsync(silo.Http);
        var elapsed = Stopwatch.GetElapsedTime(started);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("status").GetString().Should().Be("Unhealthy");
        body.GetProperty("storage").GetProperty("provider").GetString().Should().Be("redis");
        body.GetProperty("storage").GetProperty("healthy").GetBoolean().Should().BeFalse();
        elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Healthz_on_memory_storage_names_the_memory_provider()
    {
        await using var silo = await InProcessSilo.StartAsync(new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "memory",
        });

        var (response, body) = await HealthJson.GetAsync(silo.Http);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("storage").GetProperty("provider").GetString().Should().Be("memory");
    }
}
