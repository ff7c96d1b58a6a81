using LiveGrid.Testing;
using Xunit.Abstractions;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// Redis stops for a few seconds under load: requests that need it fail fast with 503 problem+json and Retry-After,
/// /healthz says unhealthy, the silo recovers by itself when Redis returns, and nothing acknowledged is lost.
/// The long form (30 s): <c>dotnet run -c Release --project tests/bench/LiveGrid.Bench.Faults -- outage</c>.
/// </summary>
[Collection(FaultDrillCollection.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private const int Lanes = 8;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The documented bound on a refusal while Redis is down (README, Faults).</summary>
    private static readonly TimeSpan FailFastBound = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task While_redis_is_down_requests_get_a_fast_503_with_retry_after_and_after_it_returns_the_silo_recovers_and_nothing_acknowledged_is_lost()
    {
        using var work = new TempDirectory("faults-outage");
        await using var redis = await RestartableRedis.StartAsync();
        await using var silo = await FaultSilo.StartAsync(work.Path, FaultStorage.Redis(redis.ConnectionString), TimeSpan.FromSeconds(30));

        var report = await OutageDrill.RunAsync(silo, redis, Lanes, acknowledgedBefore: 60, Down, acknowledgedAfter: 60, Timeout);
        output.WriteLine(FaultFigures.Describe(report));
        var problems = string.Join(Environment.NewLine, report.Durability.Problems.Concat(report.Diverged).Take(20));

        report.DuringOutage.Should().HaveCountGreaterThan(Lanes, "the lanes kept sending while Redis was down");
        report.Unexpected.Should().BeEmpty("every request that needed Redis was refused with 503");
        report.WithRetryAfter.Should().Be(report.Refused503);
        report.AsProblemJson.Should().Be(report.Refused503);
        report.SlowestRefusal.Should().BeLessThan(FailFastBound);
        report.HealthDuringOutage.Should().NotBeEmpty().And.OnlyContain(h => h.Status == 503, "/healthz reports the store unhealthy");

        report.RecoveredAfter.Should().NotBeNull("the silo acknowledges actions again without a restart");
        report.HealthyAfter.Should().NotBeNull();
        report.AcknowledgedAfter.Should().BeGreaterThanOrEqualTo(60);
        report.Durability.Lost.Should().Be(0, problems);
        report.Durability.Problems.Should().BeEmpty(problems);
        report.Diverged.Should().BeEmpty("no ticket keeps a change in memory that Redis does not hold");
    }
}
