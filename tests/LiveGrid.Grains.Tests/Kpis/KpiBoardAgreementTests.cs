using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Tests.Properties;
using LiveGrid.Grains.Tests.Support;
using Xunit.Abstractions;

namespace LiveGrid.Grains.Tests.Kpis;

/// <summary>
/// Issue 5 item 5: after a seeded random run of ticket work (see <see cref="RandomRun"/>), the live boards' today tiles
/// equal the KPI engine's board figures for today, computed from the tickets' audit trails read through
/// <see cref="KpiSource"/>: the city board, and every grid board with the grid as the scope.
/// </summary>
public sealed class KpiBoardAgreementTests(ITestOutputHelper output)
{
    private const int Steps = 700;

    [Theory]
    [InlineData(20261206)]
    [InlineData(4242)]
    public async Task The_boards_today_tiles_equal_the_engine_computed_from_the_audit_trails(int seed)
    {
        var run = await RandomRun.StartAsync(seed, output);
        await using (run)
        {
            await run.PlayAsync(Steps, idleAt: Steps / 2);
            await run.CheckAsync("before the KPI comparison");
            var grains = run.GrainFactory;
            var today = run.City.LocalDate(run.Now);

            var tickets = await KpiSource.LoadAsync(grains, today, today.AddDays(1), lookBackDays: today.DayNumber - run.City.LocalDate(run.Start).DayNumber);
            tickets.Should().HaveCount(run.TicketCount, $"seed {seed}: the source finds every ticket the run received");

            var city = await grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
            city.Counters.Day.Should().Be(today, $"seed {seed}: the board counts today");
            var report = KpiEngine.Compute(run.City.TimeZone, today, today.AddDays(1), KpiScope.City, tickets);
            Tiles(city.Counters).Should().BeEquivalentTo(report.Board, $"seed {seed}: the city board's today tiles equal the engine's ({today})");
            output.WriteLine($"seed {seed}, {today}: {report.Board}; satisfaction {report.Satisfaction.Numerator}/{report.Satisfaction.Denominator}, " +
                $"on time {report.OnTimeResolution.Numerator}/{report.OnTimeResolution.Denominator}");

            // The run must have produced today's work, or equality proves little.
            report.Board.Received.Should().BeGreaterThan(0, $"seed {seed}");
            (report.Board.Resolved + report.Board.Closed + report.Board.Rated).Should().BeGreaterThan(0, $"seed {seed}");

            foreach (var code in TestCity.Grids)
            {
                var grid = await grains.GetGrain<IGridGrain>(code).GetBoard();
                var mine = KpiEngine.Compute(run.City.TimeZone, today, today.AddDays(1), new KpiScope(KpiScopeKind.Area, code), tickets);
                Tiles(grid.Counters).Should().BeEquivalentTo(mine.Board, $"seed {seed}: grid {code}'s today tiles equal the engine's");
            }
        }
    }

    private static KpiBoardFigures Tiles(BoardCounters counters) => new(
        counters.ReceivedToday, counters.ResolvedToday, counters.ResolvedOnTimeToday, counters.ClosedToday, counters.RatedToday, counters.SatisfiedToday);
}
