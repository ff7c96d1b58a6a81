using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>A dated history in one call (the demo loader's way in): applied as one change, supervised once, at now.</summary>
public sealed class TicketReceiveHistoryTests
{
    // Friday 2026-03-13 10:00 in Shanghai; the history starts on Monday.
    private static readonly DateTimeOffset Friday = ShanghaiTime.At("2026-03-13 10:00");
    private static readonly DateTimeOffset Monday = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public async Task A_closed_week_old_history_is_applied_with_its_own_times_and_no_supervision()
    {
        await using var desk = await TicketDesk.OpenAsync(Friday);
        var id = await desk.NextNumberAsync();

        var result = await desk.Ticket(id).ReceiveHistory(MondayIntake, Loop(Monday));

        result.Applied.Should().BeTrue(result.Rejection?.Message);
        var summary = result.View!.Summary;
        summary.Status.Should().Be(TicketStatus.Closed);
        summary.ReceivedAt.Should().Be(Monday);
        summary.ClosedAt.Should().Be(Monday.AddHours(5));
        summary.Supervision.Should().BeNull("the dispatch limit had not passed when it was dispatched");
        result.View.Ticket.History.Select(t => t.At).Should().BeInAscendingOrder().And.OnlyContain(at => at <= Monday.AddHours(5));
        (await desk.SummaryAsync(id)).Revision.Should().Be(1, "one change, one write");
        desk.Catalog.Find(id)!.Status.Should().Be(TicketStatus.Closed);
    }

    [Fact]
    public async Task An_old_open_history_is_supervised_once_at_now_after_its_last_action()
    {
        await using var desk = await TicketDesk.OpenAsync(Friday);
        var id = await desk.NextNumberAsync();

        // Dispatched Monday 10:05 and accepted, then nothing: 4 working hours for rubbish ran out on Monday afternoon.
        var result = await desk.Ticket(id).ReceiveHistory(MondayIntake, Loop(Monday).Take(2).ToList());

        result.Applied.Should().BeTrue(result.Rejection?.Message);
        var view = result.View!;
        view.Summary.Status.Should().Be(TicketStatus.Accepted);
        view.Summary.IsOverdue.Should().BeTrue();
        view.Ticket.Supervisions.Should().NotBeEmpty().And.OnlyContain(s => s.At == Friday);
        view.Ticket.History.Take(4).Select(t => t.Action).Should().Equal(
            TicketActionKind.Receive, TicketActionKind.Classify, TicketActionKind.Dispatch, TicketActionKind.Accept);
    }

    [Fact]
    public async Task A_refused_action_leaves_nothing_behind()
    {
        await using var desk = await TicketDesk.OpenAsync(Friday);
        var id = await desk.NextNumberAsync();
        var history = Loop(Monday).ToList();
        history.Insert(1, new Close(People.Operator, Monday.AddMinutes(6)));

        var result = await desk.Ticket(id).ReceiveHistory(MondayIntake, history);

        result.Applied.Should().BeFalse();
        result.Rejection!.Attempted.Should().Be(TicketActionKind.Close);
        (await desk.Ticket(id).Get()).Should().BeNull();
        desk.Catalog.Find(id).Should().BeNull();
        (await desk.Ticket(id).Receive(TicketDesk.Intake())).Applied.Should().BeTrue("the number is still free");
    }

    [Fact]
    public async Task Numbers_are_handed_out_in_a_block_after_the_ones_before()
    {
        await using var desk = await TicketDesk.OpenAsync(Friday);
        var first = await desk.NextNumberAsync();

        var block = await desk.Silo.GrainFactory.GetGrain<ITicketNumberGrain>("20260313").NextMany(3);

        first.Should().Be("20260313-000001");
        block.Should().Equal("20260313-000002", "20260313-000003", "20260313-000004");
        (await desk.Silo.GrainFactory.GetGrain<ITicketNumberGrain>("20260313").Count()).Should().Be(4);
    }

    private static TicketIntake MondayIntake => TicketDesk.Intake() with { At = Monday, GridCode = TestCity.Grid2 };

    private static IReadOnlyList<TicketAction> Loop(DateTimeOffset start) =>
    [
        new Dispatch(People.Dispatcher, start.AddMinutes(5), ""),
        new Accept(People.Handler, start.AddMinutes(20)),
        new ArriveOnSite(People.Handler, start.AddMinutes(50)),
        new Resolve(People.Handler, start.AddHours(2), "垃圾已清运", ResolutionLevel.Grid),
        new CallBack(People.Operator, start.AddHours(4), CallbackRating.Satisfied),
        new Close(People.Operator, start.AddHours(5)),
    ];
}
