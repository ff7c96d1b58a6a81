using LiveGrid.Testing;
using Xunit.Abstractions;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// kill -9 the silo process during a load of ticket actions, on SQLite and on Redis (append-only, fsync always); after
/// the restart every acknowledged action is there, nothing is half applied, and the open tickets' SLA timers fire.
/// The long form, with figures: <c>dotnet run -c Release --project tests/bench/LiveGrid.Bench.Faults -- kill</c>.
/// </summary>
[Collection(FaultDrillCollection.Name)]
public sealed class KillDuringLoadTests(ITestOutputHelper output)
{
    private const int Lanes = 8;
    private const int KillAfterAcknowledged = 120;
    private static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan AdvanceTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task On_sqlite_every_acknowledged_action_survives_a_kill_9_and_the_deadlines_fire_after_the_restart()
    {
        using var work = new TempDirectory("faults-sqlite");
        await using var silo = await FaultSilo.StartAsync(work.Path, FaultStorage.Sqlite(work.Combine("data")), RequestTimeout);

        var report = await KillDrill.RunAsync(silo, Lanes, KillAfterAcknowledged, LoadTimeout, AdvanceTimeout);

        Verify(report, silo);
    }

    [Fact]
    public async Task On_redis_every_acknowledged_action_survives_a_kill_9_and_the_deadlines_fire_after_the_restart()
    {
        using var work = new TempDirectory("faults-redis");
        await using var redis = await RestartableRedis.StartAsync();
        await using var silo = await FaultSilo.StartAsync(work.Path, FaultStorage.Redis(redis.ConnectionString), RequestTimeout);

        var report = await KillDrill.RunAsync(silo, Lanes, KillAfterAcknowledged, LoadTimeout, AdvanceTimeout);

        Verify(report, silo);
    }

    private void Verify(KillDrillReport report, FaultSilo silo)
    {
        output.WriteLine(FaultFigures.Describe(report));
        var because = string.Join(Environment.NewLine, report.Durability.Problems.Concat(report.Deadlines.Problems).Take(20));

        report.Durability.Acknowledged.Should().BeGreaterThanOrEqualTo(KillAfterAcknowledged);
        report.InFlightAtKill.Should().BePositive("the kill must come while requests are in flight");
        report.Durability.Lost.Should().Be(0, because);
        report.Durability.Problems.Should().BeEmpty(because);

        report.Deadlines.Due.Should().BePositive("some acknowledged tickets are still open");
        report.Deadlines.Overdue.Should().Be(report.Deadlines.Due, because);
        report.Deadlines.Supervisable.Should().BePositive();
        report.Deadlines.Supervised.Should().Be(report.Deadlines.Supervisable, because + Environment.NewLine + silo.Output);
    }
}
