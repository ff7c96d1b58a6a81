using System.Diagnostics;
using Xunit.Abstractions;

namespace LiveGrid.Grains.Tests.Properties;

/// <summary>
/// The acceptance property, through the real grains: after a seeded random run of ticket work (intake, every
/// action the lifecycle allows, stale versions, illegal actions, parallel bursts, clock jumps across thresholds,
/// supervision steps and local midnight, and the grids collected and rebuilt mid-run), every grid board and every area
/// board equals a recount from scratch of the ticket grains' own summaries, and the catalog holds those summaries.
/// </summary>
public sealed class BoardRecountPropertyTests(ITestOutputHelper output)
{
    private const int Steps = 1_500;

    [Theory]
    [InlineData(20261206)]
    [InlineData(12345)]
    [InlineData(7)]
    public async Task Boards_equal_a_recount_of_the_ticket_grains_after_a_random_run(int seed)
    {
        var run = await RandomRun.StartAsync(seed, output);
        await using (run)
        {
            var watch = Stopwatch.StartNew();
            await run.PlayAsync(Steps, idleAt: Steps / 2);
            await run.CheckAsync("at the end");
            output.WriteLine($"seed {seed}: {run.Tally}; {run.TicketCount} tickets; clock {Show(run.Start)} → {Show(run.Now)}; {watch.Elapsed.TotalSeconds:0.0} s ({run.Timing})");

            // The run must have exercised what it claims to, or the comparison proves little.
            run.Tally.Total.Should().BeGreaterThanOrEqualTo(Steps, $"seed {seed}");
            run.Tally["stale version"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["illegal"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["burst"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["applied Close"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["applied Resolve"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["applied MergeInto"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Tally["duplicate suspected"].Should().BeGreaterThan(0, $"seed {seed}: {run.Tally}");
            run.Days.Should().BeGreaterThan(1, $"seed {seed}: the run crosses local midnight");
        }
    }

    private static string Show(DateTimeOffset instant) => ShanghaiTime.Show(instant);
}
