using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>What the ticket grain tells others: grid and worker reports, AB岗 assignment, duplicates and merges.</summary>
public sealed class TicketReportingTests
{
    private static readonly DateTimeOffset Monday = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public async Task When_the_primary_is_off_duty_the_backup_receives_the_ticket_and_is_notified()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var workers = desk.Silo.GrainFactory;
        await workers.GetGrain<IWorkerGrain>("w3a").SetDuty(false, Monday);
        var id = (await desk.ReceiveAsync(grid: 3)).Summary.Id;

        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));

        dispatched.Summary.AssigneeWorkerId.Should().Be("w3b", "w3a is off duty and w3b is the leader post's backup (AB岗)");
        var backup = workers.GetGrain<IWorkerGrain>("w3b");
        await Eventually.UntilAsync(async () => (await backup.Get()).Assignments.Any(a => a.Id == id), "the backup tracks the ticket");
        var feed = await backup.GetFeed();
        feed.Should().ContainSingle(n => n.Kind == WorkerNotificationKind.Assigned && n.TicketId == id)
            .Which.Deadline.Should().Be(dispatched.Summary.Deadline, "the notice carries the resolve deadline that starts with the dispatch");
        (await workers.GetGrain<IWorkerGrain>("w3a").Get()).Assignments.Should().BeEmpty();
    }

    [Fact]
    public async Task The_grid_and_the_worker_follow_the_ticket_and_the_worker_drops_it_when_it_leaves()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = (await desk.ReceiveAsync(grid: 1)).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));

        var grid = desk.Silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1);
        await Eventually.UntilAsync(async () => (await grid.GetBoard()).OpenTickets.Any(t => t.Id == id && t.Status == TicketStatus.Dispatched),
            "the grid board shows the dispatched ticket");
        var worker = desk.Silo.GrainFactory.GetGrain<IWorkerGrain>("w1a");
        await Eventually.UntilAsync(async () => (await worker.Get()).Assignments.Any(a => a.Id == id), "the worker has the assignment");

        var transferred = await desk.DoAsync(id, new Transfer(People.Dispatcher, default, "dept:cgzf", "需执法"));

        transferred.Summary.AssigneeWorkerId.Should().BeNull();
        await Eventually.UntilAsync(async () => (await worker.Get()).Assignments.All(a => a.Id != id), "the worker drops it");
        (await worker.GetFeed()).Should().Contain(n => n.Kind == WorkerNotificationKind.Unassigned && n.TicketId == id);
        await Eventually.UntilAsync(async () => (await grid.GetBoard()).OpenTickets.Any(t => t.Id == id && t.LeadUnitId == "dept:cgzf"),
            "the grid still counts the ticket in its territory");
    }

    [Fact]
    public async Task A_near_ticket_of_the_same_category_is_flagged_as_a_suspected_duplicate()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var (lon, lat) = TestCity.Centre(1);
        var original = (await desk.ReceiveAsync(at: (lon, lat))).Summary.Id;

        await desk.AdvanceAsync(TimeSpan.FromHours(2));
        var near = await desk.ReceiveAsync(at: (lon + 0.001, lat));
        var otherCategory = await desk.ReceiveAsync("道路不洁", at: (lon + 0.001, lat));
        var far = await desk.ReceiveAsync(grid: 4);

        near.Summary.SuspectedDuplicateOf.Should().Be(original, "85 m away, same category, two hours later");
        near.DuplicateCandidates.Should().ContainSingle().Which.TicketId.Should().Be(original);
        var suspected = await desk.WaitForEventAsync<TicketDuplicateSuspected>(near.Summary.Id);
        suspected.Candidate.TicketId.Should().Be(original);
        suspected.Candidate.DistanceMeters.Should().BeInRange(50, 120);
        otherCategory.Summary.SuspectedDuplicateOf.Should().BeNull();
        far.Summary.SuspectedDuplicateOf.Should().BeNull();

        await desk.AdvanceAsync(TimeSpan.FromHours(73));
        (await desk.ReceiveAsync(at: (lon, lat))).Summary.SuspectedDuplicateOf.Should().BeNull("the original is older than the 72 h window");
    }

    [Fact]
    public async Task Merging_a_duplicate_closes_it_and_the_original_records_it_without_calling_back()
    {
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var original = (await desk.ReceiveAsync()).Summary.Id;
        var duplicate = (await desk.ReceiveAsync()).Summary.Id;

        var merged = await desk.DoAsync(duplicate, new MergeInto(People.Operator, default, original, "同一堆垃圾"));

        merged.Summary.Status.Should().Be(TicketStatus.Merged);
        merged.Summary.MergedInto.Should().Be(original);
        merged.Summary.AgingStage.Should().BeNull();
        await Eventually.UntilAsync(async () => (await desk.Ticket(original).Get())!.Ticket.Duplicates.Any(d => d.TicketId == duplicate),
            "the original records the duplicate");
        var audit = await desk.Ticket(original).GetAuditTrail();
        audit[^1].Action.Should().Be(TicketActionKind.AddDuplicate);
        (await desk.SummaryAsync(original)).Status.Should().Be(TicketStatus.Classified);

        var intoClosed = (await desk.ReceiveAsync()).Summary.Id;
        var refused = await desk.ActAsync(intoClosed, new MergeInto(People.Operator, default, duplicate));
        refused.Applied.Should().BeFalse();
        refused.Rejection!.Message.Should().Contain("Merged");
        var unknown = await desk.ActAsync(intoClosed, new MergeInto(People.Operator, default, "20990101-000001"));
        unknown.Rejection!.Message.Should().Contain("not known");
    }

    [Fact]
    public async Task A_return_is_judged_at_the_actions_own_time()
    {
        // The return window is 2 working days from dispatch (Monday 10:00): until Wednesday 10:00.
        await using var desk = await TicketDesk.OpenAsync(Monday);
        var id = (await desk.ReceiveAsync("社区服务", Priority.Normal, RequestKind.Inquiry)).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-12 09:00"));

        var late = await desk.ActAsync(id, new Return(People.Handler, default, "不属于本单位"));
        late.Applied.Should().BeFalse();
        late.Rejection!.Reason.Should().Be(TicketRejectionReason.GuardNotMet);
        late.View!.AllowedActions.Should().NotContain(TicketActionKind.Return);

        var dated = await desk.ActAsync(id, new Return(People.Handler, ShanghaiTime.At("2026-03-11 09:59"), "不属于本单位"));
        dated.Applied.Should().BeTrue("a trusted caller's action dated inside the window is judged at its own time");
        dated.View!.Summary.Status.Should().Be(TicketStatus.Returned);

        var rerouted = await desk.DoAsync(id, new Redispatch(People.Dispatcher, default, ""));
        rerouted.Summary.LeadUnitId.Should().Be($"community:{TestCity.Community1}");
    }
}
