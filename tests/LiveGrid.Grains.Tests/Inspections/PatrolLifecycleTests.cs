using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Workers;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Inspections;

public sealed class PatrolLifecycleTests : InspectionTestBase
{
    [Fact]
    public async Task A_scheduled_patrol_is_reported_to_its_worker_and_grid_and_announced_once()
    {
        var patrol = await ScheduledAsync("p1");

        var view = (await patrol.Get())!;
        view.Summary.Status.Should().Be(InspectionStatus.Scheduled);
        view.Summary.CheckpointsPlanned.Should().Be(2);
        view.History.Select(h => h.Action).Should().Equal("Schedule");

        var again = await patrol.Schedule(MorningPatrol());
        again.Applied.Should().BeTrue();
        again.Unchanged.Should().BeTrue();

        var worker = await Worker("w1a").Get();
        worker.Inspections.Select(i => i.Id).Should().Equal("p1");
        var feed = await Worker("w1a").GetFeed();
        feed.Should().ContainSingle().Which.Should().Match<WorkerNotification>(n =>
            n.Kind == WorkerNotificationKind.PatrolScheduled && n.InspectionId == "p1" && n.Deadline == ShanghaiTime.At("2026-03-02 12:00"));

        var board = await Silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1).GetBoard();
        board.PatrolsToday.Select(p => p.Id).Should().Equal("p1");

        Events.Of("inspection/p1").Cast<InspectionChanged>().Select(e => e.Action).Should().Equal("Schedule");
    }

    [Fact]
    public async Task A_different_plan_for_an_existing_inspection_is_refused()
    {
        var patrol = await ScheduledAsync("p1");
        var other = await patrol.Schedule(MorningPatrol("w1c"));
        other.Applied.Should().BeFalse();
        other.Error.Should().Contain("another plan");
        (await patrol.Get())!.Plan.WorkerId.Should().Be("w1a");
    }

    [Fact]
    public async Task Plans_that_cannot_be_patrolled_are_refused()
    {
        var ended = MorningPatrol() with { WindowStart = ShanghaiTime.At("2026-03-02 05:00"), WindowEnd = ShanghaiTime.At("2026-03-02 06:00") };
        (await Inspection("late").Schedule(ended)).Error.Should().Contain("ended");
        (await Inspection("nowhere").Schedule(MorningPatrol() with { GridCode = "110101001009009" })).Error.Should().Contain("not in the territory");
        (await Inspection("backwards").Schedule(MorningPatrol() with { WindowEnd = ShanghaiTime.At("2026-03-02 08:00") })).Error.Should().Contain("end after");
        (await Inspection("v").Schedule(MorningPatrol() with { Kind = InspectionKind.Verification })).Error.Should().Contain("ticket");
        (await Inspection("late").Get()).Should().BeNull();
    }

    [Fact]
    public async Task A_patrol_goes_from_check_in_through_checkpoints_to_completion()
    {
        var patrol = await StartedAsync("p1");
        (await patrol.PassCheckpoint(W1a, Now("2026-03-02 09:00"), "东门", "正常")).Applied.Should().BeTrue();
        (await patrol.PassCheckpoint(W1a, Now("2026-03-02 09:30"), "3号楼")).Applied.Should().BeTrue();
        var done = await patrol.Complete(W1a, Now("2026-03-02 10:00"), "无异常");

        done.Applied.Should().BeTrue(done.Error);
        var summary = done.View!.Summary;
        summary.Status.Should().Be(InspectionStatus.Completed);
        summary.StartedAt.Should().Be(ShanghaiTime.At("2026-03-02 08:30"));
        summary.CompletedAt.Should().Be(ShanghaiTime.At("2026-03-02 10:00"));
        summary.CheckpointsPassed.Should().Be(2);
        done.View.Checkpoints.Select(c => (c.Name, c.Note)).Should().Equal(("东门", "正常"), ("3号楼", null));
        done.View.Note.Should().Be("无异常");
        done.View.History.Select(h => (h.Action, h.To)).Should().Equal(
            ("Schedule", InspectionStatus.Scheduled),
            ("CheckIn", InspectionStatus.Started),
            ("PassCheckpoint", InspectionStatus.Started),
            ("PassCheckpoint", InspectionStatus.Started),
            ("Complete", InspectionStatus.Completed));
        done.View.History.Select(h => h.Sequence).Should().Equal(1, 2, 3, 4, 5);
        done.AllowedCommands.Should().BeEmpty();

        (await Worker("w1a").Get()).Inspections.Should().BeEmpty("a completed patrol is no longer open work");
        var changes = Events.Of("inspection/p1").Cast<InspectionChanged>().ToList();
        changes.Select(e => e.Sequence).Should().Equal(1, 2, 3, 4, 5);
        changes[^1].Summary.Status.Should().Be(InspectionStatus.Completed);

        // The window's end passes without a miss: the reminder went with the completion.
        Now("2026-03-02 12:30");
        (await patrol.Get())!.Summary.Status.Should().Be(InspectionStatus.Completed);
        Events.Of("inspection/p1").Should().HaveCount(5);
    }

    [Fact]
    public async Task Steps_out_of_order_are_refused_with_the_current_status_and_what_is_allowed()
    {
        var patrol = await ScheduledAsync("p1");
        var early = await patrol.PassCheckpoint(W1a, Now("2026-03-02 08:10"), "东门");
        early.Applied.Should().BeFalse();
        early.Error.Should().Contain("Scheduled");
        early.AllowedCommands.Should().Equal("CheckIn");
        (await patrol.Complete(W1a, Now("2026-03-02 08:11"))).Applied.Should().BeFalse();

        var (lon, lat) = TestCity.Centre(1);
        (await patrol.CheckIn(W1a, Now("2026-03-02 08:20"), lon, lat)).Applied.Should().BeTrue();
        var twice = await patrol.CheckIn(W1a, Now("2026-03-02 08:21"), lon, lat);
        twice.Applied.Should().BeFalse();
        twice.Error.Should().Contain("Started");
        twice.AllowedCommands.Should().Equal("PassCheckpoint", "ReportFinding", "Complete");

        (await patrol.PassCheckpoint(W1a, Now("2026-03-02 08:30"), "西门")).Error.Should().Contain("not a checkpoint");
        (await patrol.PassCheckpoint(W1a, Now("2026-03-02 08:31"), "东门")).Applied.Should().BeTrue();
        (await patrol.PassCheckpoint(W1a, Now("2026-03-02 08:32"), "东门")).Error.Should().Contain("already passed");
        (await patrol.PassCheckpoint(W1a, ShanghaiTime.At("2026-03-02 08:00"), "3号楼")).Error.Should().Contain("earlier than the last step");
        (await patrol.Complete(W1a, Now("2026-03-02 08:40"), passed: true)).Error.Should().Contain("verifications only");

        (await patrol.Complete(W1a, Now("2026-03-02 09:00"))).Applied.Should().BeTrue();
        var after = await patrol.PassCheckpoint(W1a, Now("2026-03-02 09:10"), "3号楼");
        after.Applied.Should().BeFalse();
        after.Error.Should().Contain("Completed");
        after.AllowedCommands.Should().BeEmpty();
        (await patrol.Get())!.History.Should().HaveCount(4, "refused steps leave no trace");
    }

    [Fact]
    public async Task A_command_to_an_inspection_that_does_not_exist_says_so()
    {
        var result = await Inspection("ghost").CheckIn(W1a, Now("2026-03-02 08:30"));
        result.Applied.Should().BeFalse();
        result.NotFound.Should().BeTrue();
        (await Inspection("ghost").Get()).Should().BeNull();
    }

    [Theory]
    [InlineData("2026-03-02 07:59")]
    [InlineData("2026-03-02 12:00")]
    public async Task Check_in_outside_the_window_is_refused(string local)
    {
        var patrol = await ScheduledAsync("p1");
        var (lon, lat) = TestCity.Centre(1);
        var at = ShanghaiTime.At(local);
        var result = await patrol.CheckIn(W1a, at, lon, lat);
        result.Applied.Should().BeFalse();
        result.Error.Should().Contain("outside the window");
        (await patrol.Get())!.Summary.Status.Should().Be(InspectionStatus.Scheduled);
    }

    [Fact]
    public async Task Check_in_outside_the_grid_or_by_another_worker_is_refused()
    {
        var patrol = await ScheduledAsync("p1");
        var (lon2, lat2) = TestCity.Centre(2);
        (await patrol.CheckIn(W1a, Now("2026-03-02 08:30"), lon2, lat2)).Error.Should().Contain("outside grid");
        (await patrol.CheckIn(W1a, Now("2026-03-02 08:31"), lon2)).Error.Should().Contain("both");

        var (lon, lat) = TestCity.Centre(1);
        (await patrol.CheckIn(W1c, Now("2026-03-02 08:32"), lon, lat)).Error.Should().Contain("assigned to w1a");
        (await patrol.Get())!.Summary.Status.Should().Be(InspectionStatus.Scheduled);

        var checkedIn = await patrol.CheckIn(W1a, Now("2026-03-02 08:33"), lon, lat);
        checkedIn.Applied.Should().BeTrue();
        checkedIn.View!.History[^1].Note.Should().Contain("116.405");
    }

    [Fact]
    public async Task A_patrol_not_started_by_the_end_of_its_window_is_missed_and_escalated_to_the_community()
    {
        var patrol = await ScheduledAsync("p1");
        Now("2026-03-02 12:00");

        var escalated = await Events.WaitForAsync<InspectionChanged>(e => e.Summary.Id == "p1" && e.Action == "Escalate", "the missed patrol is escalated");
        escalated.Summary.Status.Should().Be(InspectionStatus.Missed);
        escalated.Summary.EscalatedTo.Should().Be(TerritoryLevel.Community);
        Events.Of("inspection/p1").Cast<InspectionChanged>().Select(e => e.Action).Should().Equal("Schedule", "Miss", "Escalate");

        var view = (await patrol.Get())!;
        view.Summary.Status.Should().Be(InspectionStatus.Missed);
        view.History.Select(h => h.Action).Should().Equal("Schedule", "Miss", "Escalate");
        view.History[^1].Note.Should().Contain("多福巷社区").And.Contain(TestCity.Community1);
        view.History[^1].At.Should().Be(ShanghaiTime.At("2026-03-02 12:00"));

        await Eventually.UntilAsync(async () => (await Worker("w1a").GetFeed()).Any(n => n.Kind == WorkerNotificationKind.PatrolMissed), "the worker hears of the miss");
        (await Worker("w1a").Get()).Inspections.Should().BeEmpty();
        var board = await Silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1).GetBoard();
        board.PatrolsToday.Should().ContainSingle().Which.Status.Should().Be(InspectionStatus.Missed);

        var (lon, lat) = TestCity.Centre(1);
        (await patrol.CheckIn(W1a, Now("2026-03-02 12:01"), lon, lat)).Error.Should().Contain("Missed");
    }

    [Fact]
    public async Task A_patrol_started_but_not_completed_in_its_window_is_missed_too()
    {
        var patrol = await StartedAsync("p1");
        (await patrol.Complete(W1a, ShanghaiTime.At("2026-03-02 12:05"))).Error.Should().Contain("too late");

        Now("2026-03-02 12:00");
        await Events.WaitForAsync<InspectionChanged>(e => e.Summary.Id == "p1" && e.Action == "Escalate", "the unfinished patrol is missed");
        (await patrol.Get())!.History.Select(h => h.From).Should().Equal(null, InspectionStatus.Scheduled, InspectionStatus.Started, InspectionStatus.Missed);
    }

    [Fact]
    public async Task The_window_end_reminder_survives_a_restart_of_the_host()
    {
        var stores = new SharedStores();
        await using (var first = await stores.StartSiloAsync(Start))
        {
            (await first.GrainFactory.GetGrain<IInspectionGrain>("p1").Schedule(MorningPatrol())).Applied.Should().BeTrue();
        }

        await using var second = await stores.StartSiloAsync(Start);
        using var events = new EventTap(second);
        second.Time.AdvanceTo(ShanghaiTime.At("2026-03-02 12:00"));

        var missed = await events.WaitForAsync<InspectionChanged>(e => e.Summary.Id == "p1" && e.Action == "Escalate", "the second host delivers the reminder");
        missed.Sequence.Should().Be(3, "Schedule was 1 on the first host, Miss 2");
        (await second.GrainFactory.GetGrain<IInspectionGrain>("p1").Get())!.Summary.Status.Should().Be(InspectionStatus.Missed);
    }
}
