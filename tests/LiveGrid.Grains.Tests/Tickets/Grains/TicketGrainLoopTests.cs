using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>The closed loop through the ticket grain on the real kernel: intake to close, conflicts and refusals.</summary>
public sealed class TicketGrainLoopTests
{
    // Monday 2026-03-09 10:00 in Shanghai: a working morning.
    private static readonly DateTimeOffset Monday = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public async Task A_ticket_goes_from_intake_to_close_through_the_grain_with_one_event_per_change_in_order()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var received = await desk.ReceiveAsync(grid: 2);
        var id = received.Summary.Id;

        id.Should().Be("20260309-000001");
        received.Summary.Status.Should().Be(TicketStatus.Classified);
        received.Summary.GridCode.Should().Be(TestCity.Grid2, "the point lies in grid 2");
        received.Summary.AgingStage.Should().Be(SlaStage.Dispatch);
        received.Summary.Deadline.Should().Be(Monday.AddHours(24), "the general dispatch limit is 24 clock hours");
        received.Ticket.History.Select(t => t.Action).Should().Equal(TicketActionKind.Receive, TicketActionKind.Classify);

        await desk.AdvanceAsync(TimeSpan.FromMinutes(5));
        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        dispatched.Summary.LeadUnitId.Should().Be(ResponsibleUnit.GridUnitId(TestCity.Grid2), "exposed rubbish is routed to its grid");
        dispatched.Summary.AssigneeWorkerId.Should().Be("w2a", "the grid leader's post receives it while its primary is on duty");
        dispatched.Summary.AgingStage.Should().Be(SlaStage.Resolve);
        dispatched.Summary.Deadline.Should().Be(ShanghaiTime.At("2026-03-09 15:35"), "4 working hours from 10:05: 1h55 before lunch, 2h05 after 13:30");

        foreach (var action in new TicketAction[]
        {
            new Accept(People.Handler, default),
            new ArriveOnSite(People.Handler, default),
            new Resolve(People.Handler, default, "垃圾已清运", ResolutionLevel.Grid),
            new CallBack(People.Operator, default, CallbackRating.Satisfied),
            new Close(People.Operator, default),
        })
        {
            await desk.AdvanceAsync(TimeSpan.FromMinutes(10));
            await desk.DoAsync(id, action);
        }

        var closed = await desk.SummaryAsync(id);
        closed.Status.Should().Be(TicketStatus.Closed);
        closed.Version.Should().Be(8);
        closed.ResolvedOnTime.Should().BeTrue();
        closed.Rating.Should().Be(CallbackRating.Satisfied);
        closed.AgingStage.Should().BeNull();
        closed.IsOpen.Should().BeFalse();
        desk.Catalog.Find(id)!.Revision.Should().Be(closed.Revision);

        await Eventually(() => desk.EventsOf(id).Count == 8, "eight TicketChanged events");
        var events = desk.EventsOf(id);
        events.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8);
        events.Should().AllBeOfType<TicketChanged>();
        events.Cast<TicketChanged>().Select(e => e.Transition.Action).Should().Equal(
            TicketActionKind.Receive, TicketActionKind.Classify, TicketActionKind.Dispatch, TicketActionKind.Accept,
            TicketActionKind.ArriveOnSite, TicketActionKind.Resolve, TicketActionKind.CallBack, TicketActionKind.Close);
        events.Cast<TicketChanged>().Select(e => e.Summary.Revision).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = (await desk.ReceiveAsync()).Summary.Id;
        var before = await desk.SummaryAsync(id);

        var stale = await desk.ActAsync(id, new Dispatch(People.Dispatcher, default, DefaultCategories.CityManagementDepartment), expectedVersion: 1);

        stale.Applied.Should().BeFalse();
        stale.VersionConflict.Should().BeTrue();
        stale.View!.Summary.Version.Should().Be(2);
        (await desk.SummaryAsync(id)).Should().BeEquivalentTo(before);

        var current = await desk.ActAsync(id, new Dispatch(People.Dispatcher, default, DefaultCategories.CityManagementDepartment), expectedVersion: 2);
        current.Applied.Should().BeTrue();
        current.View!.Summary.Version.Should().Be(3);
        current.View.Summary.AssigneeWorkerId.Should().BeNull("a department has no grid worker");
    }

    [Fact]
    public async Task An_illegal_action_is_refused_with_the_status_and_what_is_allowed()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = (await desk.ReceiveAsync()).Summary.Id;

        var refused = await desk.ActAsync(id, new Resolve(People.Handler, default, "已处理", ResolutionLevel.Grid));

        refused.Applied.Should().BeFalse();
        refused.Rejection!.Status.Should().Be(TicketStatus.Classified);
        refused.Rejection.Reason.Should().Be(TicketRejectionReason.NotAllowedInStatus);
        refused.Rejection.AllowedActions.Should().Contain(TicketActionKind.Dispatch).And.NotContain(TicketActionKind.Resolve);
        refused.Rejection.Message.Should().Contain("Allowed now");
        (await desk.SummaryAsync(id)).Version.Should().Be(2);
        desk.EventsOf(id).Should().HaveCount(2);
    }

    [Fact]
    public async Task An_action_dated_in_the_future_is_refused()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = (await desk.ReceiveAsync()).Summary.Id;

        var refused = await desk.ActAsync(id, new Dispatch(People.Dispatcher, Monday.AddHours(1), ""));

        refused.Applied.Should().BeFalse();
        refused.Rejection!.Reason.Should().Be(TicketRejectionReason.InvalidAction);
        refused.Rejection.Message.Should().Contain("after now");
    }

    [Theory]
    [InlineData("", null, null, "description")]
    [InlineData("垃圾", 116.405, null, "both longitude and latitude")]
    [InlineData("垃圾", 200.0, 39.9, "longitude")]
    [InlineData("垃圾", null, null, "category")]
    public async Task A_bad_intake_is_refused_and_nothing_is_stored(string description, double? lon, double? lat, string says)
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var intake = TicketDesk.Intake(category: says == "category" ? "不存在的类别" : "暴露垃圾") with
        {
            Description = description,
            Longitude = lon,
            Latitude = lat,
        };

        var result = await desk.Ticket("20260309-000009").Receive(intake);

        result.Applied.Should().BeFalse();
        result.Rejection!.Message.Should().Contain(says).And.Contain("Nothing was stored");
        (await desk.Ticket("20260309-000009").Get()).Should().BeNull();
        desk.Catalog.Find("20260309-000009").Should().BeNull();
    }

    [Fact]
    public async Task A_number_is_received_once_and_numbers_run_per_local_day()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 23:59"));
        var first = await desk.ReceiveAsync();
        var again = await desk.Ticket(first.Summary.Id).Receive(TicketDesk.Intake());
        again.Applied.Should().BeFalse();
        again.Rejection!.Message.Should().Contain("already exists");

        (await desk.NextNumberAsync()).Should().Be("20260309-000002");
        await desk.AdvanceAsync(TimeSpan.FromMinutes(2));
        (await desk.NextNumberAsync()).Should().Be("20260310-000001", "the city's local date turned over at midnight Shanghai time");
    }

    [Fact]
    public async Task A_ticket_located_by_grid_code_and_unclassified_waits_without_a_clock()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = await desk.NextNumberAsync();
        var result = await desk.Ticket(id).Receive(TicketDesk.Intake(category: null, priority: null, kind: null) with { GridCode = TestCity.Grid4 });

        result.Applied.Should().BeTrue();
        result.View!.Summary.Status.Should().Be(TicketStatus.Received);
        result.View.Summary.GridCode.Should().Be(TestCity.Grid4);
        result.View.Summary.Deadline.Should().BeNull();
        result.View.Clocks.Should().BeEmpty();

        var classified = await desk.DoAsync(id, new Classify(People.Operator, default, "治安隐患", Priority.Normal, RequestKind.Report));
        classified.Summary.AgingStage.Should().Be(SlaStage.Dispatch);
        classified.Clocks.Should().ContainSingle(c => c.Stage == SlaStage.Dispatch);
    }

    private static Task Eventually(Func<bool> condition, string what) => LiveGrid.Testing.Eventually.UntilAsync(condition, what);
}
