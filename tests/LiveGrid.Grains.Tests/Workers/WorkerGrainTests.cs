using LiveGrid.Grains.Events;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Workers;

public sealed class WorkerGrainTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    private TestSilo _silo = null!;
    private EventTap _events = null!;

    public async Task InitializeAsync()
    {
        _silo = await TestCity.StartSiloAsync(Start);
        _events = new EventTap(_silo);
    }

    public async Task DisposeAsync()
    {
        _events.Dispose();
        await _silo.DisposeAsync();
    }

    private IWorkerGrain Worker(string id) => _silo.GrainFactory.GetGrain<IWorkerGrain>(id);

    private static WorkerNotification Note(string title, DateTimeOffset at) =>
        new() { At = at, Kind = WorkerNotificationKind.Assigned, Title = title, TicketId = title };

    [Fact]
    public async Task A_worker_of_the_territory_is_on_duty_by_default_and_an_unknown_one_is_not()
    {
        var known = await Worker("w1a").Get();
        known.OnDuty.Should().BeTrue();
        known.Name.Should().Be("张1");
        known.GridCode.Should().Be(TestCity.Grid1);
        (await Worker("w1a").IsOnDuty()).Should().BeTrue();

        (await Worker("stranger").IsOnDuty()).Should().BeFalse();
        (await Worker("stranger").Get()).GridCode.Should().BeNull();
    }

    [Fact]
    public async Task Going_off_and_on_duty_is_recorded_and_published_once_per_change()
    {
        var off = await Worker("w1a").SetDuty(false, Start.AddMinutes(5));
        off.OnDuty.Should().BeFalse();
        off.DutyChangedAt.Should().Be(Start.AddMinutes(5));
        (await Worker("w1a").IsOnDuty()).Should().BeFalse();

        await Worker("w1a").SetDuty(false, Start.AddMinutes(6));
        (await Worker("w1a").Get()).DutyChangedAt.Should().Be(Start.AddMinutes(5), "saying it again changes nothing");

        await Worker("w1a").SetDuty(true, Start.AddMinutes(30));
        (await Worker("w1a").IsOnDuty()).Should().BeTrue();

        var changes = _events.Of("worker/w1a").Cast<WorkerChanged>().ToList();
        changes.Select(c => c.OnDuty).Should().Equal(false, true);
        changes.Select(c => c.Sequence).Should().Equal(1, 2);
        changes.Select(c => c.At).Should().Equal(Start.AddMinutes(5), Start.AddMinutes(30));
    }

    [Fact]
    public async Task The_feed_numbers_notifications_in_order_and_pages_after_a_sequence()
    {
        var worker = Worker("w2c");
        for (var n = 1; n <= 7; n++)
        {
            var numbered = await worker.Notify(Note($"t{n}", Start.AddMinutes(n)));
            numbered.Sequence.Should().Be(n);
        }

        (await worker.GetFeed()).Select(n => n.Title).Should().Equal("t1", "t2", "t3", "t4", "t5", "t6", "t7");
        (await worker.GetFeed(0, 3)).Select(n => n.Sequence).Should().Equal(1, 2, 3);
        (await worker.GetFeed(3, 3)).Select(n => n.Sequence).Should().Equal(4, 5, 6);
        (await worker.GetFeed(6, 3)).Select(n => n.Sequence).Should().Equal(7);
        (await worker.GetFeed(7, 3)).Should().BeEmpty();
        (await worker.Get()).FeedSequence.Should().Be(7);

        var pushed = _events.Of("worker/w2c").Cast<WorkerNotified>().ToList();
        pushed.Select(p => p.Notification.Sequence).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        pushed.Select(p => p.Sequence).Should().Equal(1, 2, 3, 4, 5, 6, 7);
        pushed.Should().OnlyContain(p => p.WorkerId == "w2c");
    }

    [Fact]
    public async Task The_feed_keeps_the_newest_notifications_and_never_reuses_a_sequence()
    {
        var worker = Worker("w3a");
        for (var n = 1; n <= WorkerGrain.FeedCapacity + 20; n++)
        {
            await worker.Notify(Note($"t{n}", Start.AddSeconds(n)));
        }

        var feed = await worker.GetFeed(0, int.MaxValue);
        feed.Should().HaveCount(WorkerGrain.FeedCapacity);
        feed[0].Sequence.Should().Be(21);
        feed[^1].Sequence.Should().Be(WorkerGrain.FeedCapacity + 20);
        (await worker.Notify(Note("next", Start.AddHours(1)))).Sequence.Should().Be(WorkerGrain.FeedCapacity + 21);
    }

    [Fact]
    public async Task Assignments_follow_the_newest_ticket_summary_and_ignore_older_ones()
    {
        var worker = Worker("w1a");
        await worker.TrackTicket(Summaries.Ticket("T1", 3, "w1a", deadline: Start.AddHours(8)));
        await worker.TrackTicket(Summaries.Ticket("T2", 2, "w1a", deadline: Start.AddHours(2)));
        (await worker.Get()).Assignments.Select(a => a.Id).Should().Equal(["T2", "T1"], "the next deadline comes first");

        await worker.TrackTicket(Summaries.Ticket("T1", 5, "w1a", TicketStatus.OnSite, Start.AddHours(8), AgingBucket.Overdue));
        await worker.TrackTicket(Summaries.Ticket("T1", 4, "w1a", TicketStatus.Accepted, Start.AddHours(8)));
        var view = await worker.Get();
        view.Assignments.Single(a => a.Id == "T1").Status.Should().Be(TicketStatus.OnSite, "revision 4 is older than 5");
        view.OverdueAssignments.Should().Be(1);

        await worker.TrackTicket(Summaries.Ticket("T2", 6, "w1b", TicketStatus.Dispatched));
        (await worker.Get()).Assignments.Select(a => a.Id).Should().Equal("T1");

        await worker.TrackTicket(Summaries.Ticket("T2", 5, "w1a"));
        (await worker.Get()).Assignments.Select(a => a.Id).Should().Equal(["T1"], "a late, older summary cannot bring back a ticket that left");

        await worker.TrackTicket(Summaries.Ticket("T1", 9, "w1a", TicketStatus.Closed));
        (await worker.Get()).Assignments.Should().BeEmpty();

        await worker.TrackTicket(Summaries.Ticket("T2", 7, "w1a", TicketStatus.Accepted, Start.AddHours(3)));
        (await worker.Get()).Assignments.Select(a => a.Id).Should().Equal(["T2"], "re-assigned back with a newer revision");

        var workload = _events.Of("worker/w1a").Cast<WorkerChanged>().Select(c => (c.OpenAssignments, c.OverdueAssignments)).ToList();
        workload.Should().Equal((1, 0), (2, 0), (2, 1), (1, 1), (0, 0), (1, 0));
    }

    [Fact]
    public async Task A_ticket_that_was_never_the_workers_is_not_kept()
    {
        await Worker("w1a").TrackTicket(Summaries.Ticket("T9", 1, "w2a"));
        await Worker("w1a").TrackTicket(Summaries.Ticket("T10", 1, null, TicketStatus.Received));
        (await Worker("w1a").Get()).Assignments.Should().BeEmpty();
        _events.Of("worker/w1a").Should().BeEmpty();
    }

    [Fact]
    public async Task Inspections_are_kept_while_open_by_version()
    {
        var worker = Worker("w1c");
        await worker.TrackInspection(Summaries.Inspection("P1", 1, "w1c"));
        await worker.TrackInspection(Summaries.Inspection("P2", 1, "w1c"));
        await worker.TrackInspection(Summaries.Inspection("P1", 3, "w1c", InspectionStatus.Started));
        await worker.TrackInspection(Summaries.Inspection("P1", 2, "w1c", InspectionStatus.Scheduled));
        (await worker.Get()).Inspections.Single(i => i.Id == "P1").Status.Should().Be(InspectionStatus.Started);

        await worker.TrackInspection(Summaries.Inspection("P1", 4, "w1c", InspectionStatus.Completed));
        await worker.TrackInspection(Summaries.Inspection("P2", 2, "w1c", InspectionStatus.Missed));
        await worker.TrackInspection(Summaries.Inspection("P1", 3, "w1c", InspectionStatus.Started));
        (await worker.Get()).Inspections.Should().BeEmpty();
    }

    [Fact]
    public async Task Duty_assignments_feed_and_event_numbering_survive_a_restart_of_the_host()
    {
        var stores = new SharedStores();
        await using (var first = await stores.StartSiloAsync(Start))
        {
            var worker = first.GrainFactory.GetGrain<IWorkerGrain>("w4a");
            await worker.SetDuty(false, Start);
            await worker.TrackTicket(Summaries.Ticket("T1", 1, "w4a"));
            await worker.Notify(Note("t1", Start));
        }

        await using var second = await stores.StartSiloAsync(Start.AddHours(1));
        using var events = new EventTap(second);
        var again = second.GrainFactory.GetGrain<IWorkerGrain>("w4a");
        var view = await again.Get();
        view.OnDuty.Should().BeFalse();
        view.Assignments.Select(a => a.Id).Should().Equal("T1");
        (await again.Notify(Note("t2", Start.AddHours(1)))).Sequence.Should().Be(2);
        await again.SetDuty(true, Start.AddHours(1));
        events.Of("worker/w4a").Select(e => e.Sequence).Should().Equal([4, 5], "the stream's numbering carries on where the first host left it");
    }
}
