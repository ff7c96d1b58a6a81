using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>A trusted caller (the demo loader) replays a ticket's history with past times.</summary>
public sealed class TicketReplayTests
{
    private static readonly DateTimeOffset Now = ShanghaiTime.At("2026-03-20 10:00");

    [Fact]
    public async Task A_history_dated_in_the_past_replays_through_overdue_clocks_without_going_back_in_time()
    {
        await using var desk = await TicketDesk.OpenAsync(Now);
        var id = await desk.NextNumberAsync();
        var received = await desk.Ticket(id).Receive(TicketDesk.Intake() with { At = ShanghaiTime.At("2026-03-09 10:00"), GridCode = "110101001001001" });
        received.Applied.Should().BeTrue(received.Rejection?.Message);

        // Dispatched 26 h after intake, past the 24 h dispatch limit: the dispatch meets that clock, so no step is owed.
        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, ShanghaiTime.At("2026-03-10 12:00"), ""));
        dispatched.Ticket.History.Select(t => t.Action).Should().Equal(
            TicketActionKind.Receive, TicketActionKind.Classify, TicketActionKind.Dispatch);
        dispatched.Clocks.Single(c => c.Stage == SlaStage.Dispatch).MetOnTime.Should().BeFalse();

        // The resolve limit (4 working hours from Tue 12:00 end Tue 17:00) lies long in the past of the silo clock.
        await desk.DoAsync(id, new Accept(People.Handler, ShanghaiTime.At("2026-03-10 13:00")));
        await desk.DoAsync(id, new Resolve(People.Handler, ShanghaiTime.At("2026-03-10 16:00"), "已清运", ResolutionLevel.Grid));
        await desk.DoAsync(id, new CallBack(People.Operator, ShanghaiTime.At("2026-03-11 09:30"), CallbackRating.Satisfied));
        var closed = await desk.DoAsync(id, new Close(People.Operator, ShanghaiTime.At("2026-03-11 09:40")));

        closed.Summary.Status.Should().Be(TicketStatus.Closed);
        closed.Summary.ResolvedOnTime.Should().BeTrue("resolved at 16:00 within 4 working hours of 12:00");
        closed.Summary.LastChangedAt.ShouldBeAt("2026-03-11 09:40");
    }

    [Fact]
    public async Task Steps_an_old_action_leaves_due_are_taken_by_the_reminder_a_minute_later()
    {
        await using var desk = await TicketDesk.OpenAsync(Now);
        var id = await desk.NextNumberAsync();
        (await desk.Ticket(id).Receive(TicketDesk.Intake() with { At = ShanghaiTime.At("2026-03-19 09:00"), GridCode = "110101001001001" })).Applied.Should().BeTrue();
        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, ShanghaiTime.At("2026-03-19 09:30"), ""));

        // 4 working hours from Thu 09:30 end Thu 15:00: overdue now, but the replay's own time saw no step due.
        dispatched.Summary.IsOverdue.Should().BeTrue();
        dispatched.Ticket.Supervisions.Should().BeEmpty();

        await desk.AdvanceAsync(TicketGrain.CatchUpDelay);
        var supervised = await desk.WaitForEventAsync<TicketSupervised>(id);
        supervised.Level.Should().Be(SupervisionLevel.Reminder);
        supervised.At.Should().Be(Now + TicketGrain.CatchUpDelay);
    }
}
