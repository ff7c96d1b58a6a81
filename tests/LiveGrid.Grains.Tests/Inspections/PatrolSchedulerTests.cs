using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Inspections;

/// <summary>The test city: 4 grids, the default three shifts (早班 08-12, 午班 12-17, 晚班 17-21 Shanghai time).</summary>
public sealed class PatrolSchedulerTests : InspectionTestBase
{
    private IPatrolSchedulerGrain Scheduler => Silo.GrainFactory.GetGrain<IPatrolSchedulerGrain>("city");

    private static string Key(string grid, string day, int shift) => $"{grid}-{day}-{shift}";

    [Fact]
    public async Task A_day_gets_one_patrol_per_grid_and_shift_with_the_shifts_going_round_the_posts()
    {
        (await Scheduler.ScheduleDay(ShanghaiTime.Day("2026-03-03"))).Should().Be(12);

        var shifts = new List<InspectionView>();
        for (var shift = 0; shift < 3; shift++)
        {
            shifts.Add((await Inspection(Key(TestCity.Grid1, "20260303", shift)).Get())!);
        }

        shifts.Select(s => s.Plan.WorkerId).Should().Equal("w1a", "w1c", "w1a");
        shifts.Select(s => s.Plan.Shift).Should().Equal("早班", "午班", "晚班");
        shifts.Select(s => s.Plan.WindowStart).Should().Equal(
            ShanghaiTime.At("2026-03-03 08:00"), ShanghaiTime.At("2026-03-03 12:00"), ShanghaiTime.At("2026-03-03 17:00"));
        shifts.Select(s => s.Plan.WindowEnd).Should().Equal(
            ShanghaiTime.At("2026-03-03 12:00"), ShanghaiTime.At("2026-03-03 17:00"), ShanghaiTime.At("2026-03-03 21:00"));
        shifts.Should().OnlyContain(s => s.Summary.Status == InspectionStatus.Scheduled && s.Plan.Checkpoints.Count == 3);
        (await Inspection(Key(TestCity.Grid4, "20260303", 1)).Get())!.Plan.WorkerId.Should().Be("w4c");

        (await Worker("w1a").Get()).Inspections.Should().HaveCount(2);
        (await Worker("w1c").GetFeed()).Should().ContainSingle(n => n.InspectionId == Key(TestCity.Grid1, "20260303", 1));
    }

    [Fact]
    public async Task Scheduling_a_day_again_creates_nothing()
    {
        var day = ShanghaiTime.Day("2026-03-03");
        (await Scheduler.ScheduleDay(day)).Should().Be(12);
        (await Scheduler.ScheduleDay(day)).Should().Be(0);

        var status = await Scheduler.GetStatus();
        status.LastScheduledDay.Should().Be(day);
        status.Days.Should().ContainSingle().Which.Created.Should().Be(12);
        (await Worker("w1a").GetFeed()).Should().HaveCount(2, "each patrol is announced once");
    }

    [Fact]
    public async Task A_post_whose_worker_is_off_duty_goes_to_the_backup_and_stays_with_the_primary_when_both_are_off()
    {
        await Worker("w2a").SetDuty(false, Silo.Time.GetUtcNow());
        await Worker("w3c").SetDuty(false, Silo.Time.GetUtcNow());
        await Worker("w3a").SetDuty(false, Silo.Time.GetUtcNow());

        await Scheduler.ScheduleDay(ShanghaiTime.Day("2026-03-03"));

        (await Inspection(Key(TestCity.Grid2, "20260303", 0)).Get())!.Plan.WorkerId.Should().Be("w2b", "w2a is off: the leader's backup patrols");
        (await Inspection(Key(TestCity.Grid2, "20260303", 1)).Get())!.Plan.WorkerId.Should().Be("w2c");
        (await Inspection(Key(TestCity.Grid3, "20260303", 0)).Get())!.Plan.WorkerId.Should().Be("w3b");
        (await Inspection(Key(TestCity.Grid3, "20260303", 1)).Get())!.Plan.WorkerId.Should().Be("w3c", "w3c's backup w3a is off too");
    }

    [Fact]
    public async Task Windows_already_over_are_not_scheduled()
    {
        Now("2026-03-02 13:00");
        (await Scheduler.ScheduleDay(ShanghaiTime.Day("2026-03-02"))).Should().Be(8);
        (await Inspection(Key(TestCity.Grid1, "20260302", 0)).Get()).Should().BeNull();
        (await Inspection(Key(TestCity.Grid1, "20260302", 1)).Get())!.Summary.Status.Should().Be(InspectionStatus.Scheduled);
    }

    [Fact]
    public async Task Start_schedules_today_once_and_the_daily_reminder_schedules_each_next_day()
    {
        await Scheduler.Start();
        await Scheduler.Start();
        var status = await Scheduler.GetStatus();
        status.Started.Should().BeTrue();
        status.Days.Select(d => (d.Day, d.Created)).Should().Equal((ShanghaiTime.Day("2026-03-02"), 12));

        await PassTheDayAsync("2026-03-02");
        Now("2026-03-03 00:05");
        await Eventually.UntilAsync(async () => (await Scheduler.GetStatus()).LastScheduledDay == ShanghaiTime.Day("2026-03-03"), "the daily reminder schedules 3 March");
        (await Inspection(Key(TestCity.Grid3, "20260303", 2)).Get())!.Summary.Status.Should().Be(InspectionStatus.Scheduled);

        await PassTheDayAsync("2026-03-03");
        Now("2026-03-04 00:05");
        await Eventually.UntilAsync(async () => (await Scheduler.GetStatus()).LastScheduledDay == ShanghaiTime.Day("2026-03-04"), "the daily reminder schedules 4 March");

        (await Scheduler.GetStatus()).Days.Select(d => (d.Day, d.Created)).Should().Equal(
            (ShanghaiTime.Day("2026-03-02"), 12), (ShanghaiTime.Day("2026-03-03"), 12), (ShanghaiTime.Day("2026-03-04"), 12));
        (await Worker("w1a").GetFeed(0, 500)).Count(n => n.Kind == LiveGrid.Grains.Workers.WorkerNotificationKind.PatrolMissed).Should().Be(4, "w1a missed two patrols on each of two days");
    }

    /// <summary>Moves through a day's window ends; nobody patrols, so each shift's patrols are missed as its window closes.</summary>
    private async Task PassTheDayAsync(string day)
    {
        string[] ends = ["12:00", "17:00", "21:00"];
        for (var shift = 0; shift < ends.Length; shift++)
        {
            Now($"{day} {ends[shift]}");
            foreach (var grid in TestCity.Grids)
            {
                var key = Key(grid, day.Replace("-", "", StringComparison.Ordinal), shift);
                await Eventually.UntilAsync(async () => (await Inspection(key).Get())?.Summary.Status == InspectionStatus.Missed, $"{key} is missed");
            }
        }
    }
}
