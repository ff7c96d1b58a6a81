using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Grids;

public sealed class GridCountersTests
{
    private static readonly DateTimeOffset Start = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public async Task Open_tickets_are_counted_by_status_aging_and_flags_and_todays_work_by_the_local_day()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1);
        var yesterday = ShanghaiTime.At("2026-03-08 16:00");

        await grid.TrackTicket(Summaries.Ticket("t1", TestCity.Grid1, Start.AddHours(-1)));
        await grid.TrackTicket(Summaries.Ticket("t2", TestCity.Grid1, yesterday) with
        {
            Status = TicketStatus.Accepted,
            Bucket = AgingBucket.Overdue,
            Supervision = SupervisionLevel.Reminder,
            EscalatedTo = TerritoryLevel.Community,
        });
        await grid.TrackTicket(Summaries.Ticket("t3", TestCity.Grid1, yesterday) with
        {
            Status = TicketStatus.Suspended,
            IsSuspended = true,
            Bucket = AgingBucket.From75To100,
            EscalatedTo = TerritoryLevel.Grid,
        });
        await grid.TrackTicket(Summaries.Ticket("t4", TestCity.Grid1, yesterday) with
        {
            Status = TicketStatus.CalledBack,
            Bucket = AgingBucket.From50To75,
            ResolvedAt = Start.AddHours(-2),
            ResolvedOnTime = true,
            Rating = CallbackRating.BasicallySatisfied,
            CalledBackAt = Start.AddHours(-1),
        });
        await grid.TrackTicket(Summaries.Ticket("t5", TestCity.Grid1, yesterday).Closed(Start.AddMinutes(-30)) with
        {
            ResolvedAt = yesterday.AddHours(2),
            ResolvedOnTime = false,
            Rating = CallbackRating.Unsatisfied,
            CalledBackAt = Start.AddMinutes(-40),
        });
        await grid.TrackTicket(Summaries.Ticket("t6", TestCity.Grid1, Start.AddMinutes(-10)) with { Status = TicketStatus.Merged, Bucket = null, Deadline = null });

        var board = await grid.GetBoard();

        var counters = board.Counters;
        counters.Day.Should().Be(ShanghaiTime.Day("2026-03-09"));
        counters.Open.Should().Be(4, "closed and merged tickets leave the open set");
        counters.ByStatus.Should().BeEquivalentTo(new Dictionary<TicketStatus, int>
        {
            [TicketStatus.Dispatched] = 1,
            [TicketStatus.Accepted] = 1,
            [TicketStatus.Suspended] = 1,
            [TicketStatus.CalledBack] = 1,
        });
        counters.Aging.Should().Be(new AgingCounts(Under50: 1, From50To75: 1, From75To100: 1, Overdue: 1));
        counters.Overdue.Should().Be(1);
        counters.Suspended.Should().Be(1);
        counters.Supervised.Should().Be(1);
        counters.Escalated.Should().Be(1, "escalation to the grid itself is no escalation");
        counters.ReceivedToday.Should().Be(2, "t1 and t6 came in today, the others yesterday");
        counters.ResolvedToday.Should().Be(1);
        counters.ResolvedOnTimeToday.Should().Be(1);
        counters.ClosedToday.Should().Be(2, "a merge closes the duplicate");
        counters.RatedToday.Should().Be(2);
        counters.SatisfiedToday.Should().Be(1, "basically satisfied counts as satisfied; unsatisfied does not");

        board.OpenTickets.Select(t => t.Id).Should().Equal("t2", "t3", "t4", "t1");
        board.RecentEvents.Should().HaveCount(6).And.BeInDescendingOrder(e => e.At);
        board.RecentEvents[0].Subject.Should().Be("t6", "t6 changed last (10 minutes ago)");
        board.Name.Should().Be("第1网格");

        var report = await grid.GetReport();
        report.Counters.Should().BeEquivalentTo(counters);
        report.BreachingNext.Select(b => b.TicketId).Should().Equal(["t2", "t4", "t1"], "the suspended ticket's clock stands still");
    }

    [Fact]
    public async Task A_summary_older_than_or_as_old_as_the_one_the_grid_has_is_ignored()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid2);
        var first = Summaries.Ticket("t1", TestCity.Grid2, Start);
        var accepted = first.Next(Start.AddMinutes(5), s => s with { Status = TicketStatus.Accepted });
        var overdue = accepted.Next(Start.AddMinutes(6), s => s with { Bucket = AgingBucket.Overdue });

        await grid.TrackTicket(overdue);
        await grid.TrackTicket(first);
        await grid.TrackTicket(accepted);
        await grid.TrackTicket(overdue with { Status = TicketStatus.Resolved, Title = "same revision, other content" });

        var board = await grid.GetBoard();
        board.OpenTickets.Should().ContainSingle().Which.Should().Be(overdue);
        board.Counters.ByStatus.Should().BeEquivalentTo(new Dictionary<TicketStatus, int> { [TicketStatus.Accepted] = 1 });
        board.Counters.Overdue.Should().Be(1);
    }

    [Fact]
    public async Task A_ticket_that_moves_to_another_grid_leaves_the_first_and_a_late_report_of_its_old_place_is_ignored()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var grid1 = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1);
        var grid3 = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid3);
        var first = Summaries.Ticket("t1", TestCity.Grid1, Start);
        var moved = first.Next(Start.AddMinutes(1), s => s with { GridCode = TestCity.Grid3 });

        await grid1.TrackTicket(first);
        await grid1.TrackTicket(moved);
        await grid3.TrackTicket(moved);
        await grid3.TrackTicket(first);

        (await grid1.GetBoard()).Counters.Open.Should().Be(0);
        (await grid1.GetBoard()).Counters.ReceivedToday.Should().Be(0);
        (await grid3.GetBoard()).OpenTickets.Should().ContainSingle().Which.GridCode.Should().Be(TestCity.Grid3);
    }

    [Fact]
    public async Task A_grid_activated_after_the_tickets_changed_derives_its_board_from_the_ticket_catalog()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var catalog = silo.Services.GetRequiredService<ITicketCatalog>();
        var open = Summaries.Ticket("t1", TestCity.Grid4, Start.AddHours(-1));
        catalog.Upsert(open);
        catalog.Upsert(Summaries.Ticket("t2", TestCity.Grid4, Start.AddHours(-2)).Closed(Start.AddMinutes(-5)));
        catalog.Upsert(Summaries.Ticket("t3", TestCity.Grid3, Start));
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid4);

        // A late report older than what the catalog has takes the catalog's newer summary.
        await grid.TrackTicket(Summaries.Ticket("t2", TestCity.Grid4, Start.AddHours(-2)));

        var board = await grid.GetBoard();
        board.OpenTickets.Should().ContainSingle().Which.Should().Be(open);
        board.Counters.ReceivedToday.Should().Be(2);
        board.Counters.ClosedToday.Should().Be(1);
    }
}
