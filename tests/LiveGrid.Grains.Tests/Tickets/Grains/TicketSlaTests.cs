using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>
/// The ticket grain's SLA clocks: deadlines over weekends, holidays and make-up days, suspension and extension, and the
/// threshold reminders, which fire at the exact instant, also in a new silo on the same SQLite file.
/// </summary>
public sealed class TicketSlaTests
{
    [Fact]
    public async Task A_resolve_deadline_skips_the_mid_autumn_holiday_and_the_weekend()
    {
        // Thursday 2026-09-24; 中秋 is Friday 25th to Sunday 27th.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-09-24 10:00"));
        var id = (await desk.ReceiveAsync("社区服务", Priority.Normal, RequestKind.Inquiry)).Summary.Id;

        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));

        dispatched.Summary.LeadUnitId.Should().Be($"community:{TestCity.Community1}", "community services are coordinated by the community");
        dispatched.Summary.Deadline!.Value.ShouldBeAt("2026-09-30 17:30", "3 working days: Mon 28th, Tue 29th, Wed 30th");
        dispatched.Clocks.Single(c => c.Stage == SlaStage.Resolve).Limit.Should().Be("3wd");
        dispatched.Clocks.Single(c => c.Stage == SlaStage.Accept).Deadline.ShouldBeAt("2026-09-24 12:00", "2 working hours");
    }

    [Fact]
    public async Task A_resolve_deadline_runs_over_national_day_onto_the_make_up_saturday()
    {
        // 国庆 is 1st to 7th October 2026; Saturday 10th is a make-up working day.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-09-30 10:00"));
        var id = (await desk.ReceiveAsync("社区服务", Priority.Normal, RequestKind.Inquiry)).Summary.Id;

        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));

        dispatched.Summary.Deadline!.Value.ShouldBeAt("2026-10-10 17:30", "working days Thu 8th, Fri 9th and the make-up Saturday 10th");
    }

    [Fact]
    public async Task Suspended_time_does_not_count_and_an_approved_extension_moves_the_limit()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync("社区服务", Priority.Normal, RequestKind.Inquiry)).Summary.Id;
        (await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""))).Summary.Deadline!.Value.ShouldBeAt("2026-03-12 17:30");
        await desk.DoAsync(id, new Accept(People.Handler, default));

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-10 10:00"));
        var suspended = await desk.DoAsync(id, new Suspend(People.Handler, default, "等待居民提供材料"));
        suspended.Summary.IsSuspended.Should().BeTrue();
        suspended.Clocks.Single(c => c.Stage == SlaStage.Resolve).IsSuspended.Should().BeTrue();

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-11 10:00"));
        var resumed = await desk.DoAsync(id, new Resume(People.Handler, default, "材料已提供"));
        resumed.Summary.IsSuspended.Should().BeFalse();
        resumed.Summary.Deadline!.Value.ShouldBeAt("2026-03-13 17:30", "one working day stood still, so the deadline moves one working day");

        await desk.DoAsync(id, new RequestExtension(People.Handler, default, "2wd", "需协调物业"));
        var approved = await desk.DoAsync(id, new DecideExtension(People.Dispatcher, default, true));
        approved.Summary.Deadline!.Value.ShouldBeAt("2026-03-17 17:30", "2 working days later, over the weekend");
        approved.Clocks.Single(c => c.Stage == SlaStage.Resolve).Limit.Should().Be("3wd + 2wd");
    }

    [Fact]
    public async Task An_extension_beyond_the_cap_is_refused()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync("社区服务", Priority.Normal, RequestKind.Inquiry)).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        await desk.DoAsync(id, new Accept(People.Handler, default));

        var refused = await desk.ActAsync(id, new RequestExtension(People.Handler, default, "11wd", "工程量大"));

        refused.Applied.Should().BeFalse();
        refused.Rejection!.Message.Should().Contain("at most 10wd");
        (await desk.DoAsync(id, new RequestExtension(People.Handler, default, "10wd", "工程量大"))).Ticket.PendingExtension.Should().NotBeNull();
    }

    [Fact]
    public async Task Thresholds_fire_at_the_exact_second_and_warn_the_worker()
    {
        // Exposed rubbish: 4 working hours from Monday 10:00 -> 50% at 12:00, 75% at 14:30, overdue at 15:30.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        (await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""))).Summary.Deadline!.Value.ShouldBeAt("2026-03-09 15:30");

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 12:00"));
        var midway = await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.From50To75);
        midway.At.ShouldBeAt("2026-03-09 12:00");

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 14:29:59"));
        (await desk.SummaryAsync(id)).Bucket.Should().Be(AgingBucket.From50To75, "a second before 75% the warning has not fired");

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 14:30"));
        var warning = await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.From75To100);
        warning.At.ShouldBeAt("2026-03-09 14:30");
        warning.Stage.Should().Be(SlaStage.Resolve);
        warning.Summary.Bucket.Should().Be(AgingBucket.From75To100);
        warning.Summary.Revision.Should().Be(midway.Summary.Revision + 1);

        var worker = desk.Silo.GrainFactory.GetGrain<IWorkerGrain>("w1a");
        await Eventually.UntilAsync(
            async () => (await worker.GetFeed()).Any(n => n.Kind == WorkerNotificationKind.DeadlineWarning && n.TicketId == id),
            "the assignee's feed has the deadline warning");

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 15:30"));
        var overdue = await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.Overdue);
        overdue.At.ShouldBeAt("2026-03-09 15:30");
        (await desk.SummaryAsync(id)).IsOverdue.Should().BeTrue();
        desk.Catalog.Find(id)!.IsOverdue.Should().BeTrue();
    }

    [Fact]
    public async Task A_suspension_holds_the_threshold_reminders_and_resuming_rearms_them_later()
    {
        // Exposed rubbish, 4 working hours from Monday 10:00: one hour used by the suspension at 11:00.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        await desk.DoAsync(id, new Accept(People.Handler, default));
        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 11:00"));
        await desk.DoAsync(id, new Suspend(People.Handler, default, "等待居民开门"));

        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 14:00"));
        (await desk.SummaryAsync(id)).Bucket.Should().Be(AgingBucket.Under50, "the 12:00 midway passed while the clock stood still");
        desk.EventsOf(id).OfType<TicketAgingChanged>().Should().BeEmpty();

        // Resumed at 14:00 with one hour used: the second hour is used up at 15:00.
        var resumed = await desk.DoAsync(id, new Resume(People.Handler, default));
        resumed.Summary.Deadline!.Value.ShouldBeAt("2026-03-09 17:00", "the three working hours left run from 14:00");
        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 14:59:59"));
        (await desk.SummaryAsync(id)).Bucket.Should().Be(AgingBucket.Under50);
        await desk.AdvanceToAsync(ShanghaiTime.At("2026-03-09 15:00"));
        (await desk.WaitForEventAsync<TicketAgingChanged>(id)).At.ShouldBeAt("2026-03-09 15:00");
    }

    [Fact]
    public async Task An_approved_extension_takes_an_overdue_ticket_out_of_overdue()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        await desk.DoAsync(id, new Accept(People.Handler, default));
        // Step through each threshold: a reminder's delivery is a call, and jumping the manual clock far past its
        // due instant would time that call out before the grain runs it.
        foreach (var (at, bucket) in new[] { ("2026-03-09 12:00", AgingBucket.From50To75), ("2026-03-09 14:30", AgingBucket.From75To100), ("2026-03-09 15:30", AgingBucket.Overdue) })
        {
            await desk.AdvanceToAsync(ShanghaiTime.At(at));
            await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == bucket);
        }

        await desk.DoAsync(id, new RequestExtension(People.Handler, default, "1wd", "需清运车"));
        var approved = await desk.DoAsync(id, new DecideExtension(People.Dispatcher, default, true));

        approved.Summary.Deadline!.Value.ShouldBeAt("2026-03-10 15:30", "one working day later, same place in the day");
        approved.Summary.Bucket.Should().Be(AgingBucket.Under50, "4 of 11 working hours used");
        approved.Summary.IsOverdue.Should().BeFalse();
        var back = await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.Under50);
        back.Summary.Version.Should().Be(approved.Summary.Version);
    }

    [Fact]
    public async Task A_threshold_reminder_fires_at_its_instant_in_a_new_silo_on_the_same_sqlite_file()
    {
        using var data = new TempDirectory("ticket-restart");
        var start = ShanghaiTime.At("2026-03-09 10:00");
        string id;
        await using (var first = await TicketDesk.OpenAsync(start, Sqlite(data)))
        {
            id = (await first.ReceiveAsync()).Summary.Id;
            await first.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        }

        // The silo is down from 10:00 to 11:00; the 50% threshold (12:00) is still ahead when the next one starts.
        await using var second = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 11:00"), Sqlite(data));
        await second.Time.WaitForTimerDueByAsync(ShanghaiTime.At("2026-03-09 12:00")).WaitAsync(Eventually.Timeout);
        await second.AdvanceToAsync(ShanghaiTime.At("2026-03-09 11:59:59"));
        second.EventsOf(id).Should().BeEmpty();

        await second.AdvanceToAsync(ShanghaiTime.At("2026-03-09 12:00"));
        var midway = await second.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.From50To75);
        midway.At.ShouldBeAt("2026-03-09 12:00");
        midway.Sequence.Should().Be(4, "the stream continues after Receive, Classify and Dispatch of the first silo");
        midway.Summary.Version.Should().Be(3);

        // And the next threshold is armed again, durably, from the reminder's own turn.
        await second.AdvanceToAsync(ShanghaiTime.At("2026-03-09 14:30"));
        (await second.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == AgingBucket.From75To100)).At.ShouldBeAt("2026-03-09 14:30");
    }

    [Fact]
    public async Task A_threshold_passed_while_the_silo_was_down_fires_when_the_next_silo_starts()
    {
        using var data = new TempDirectory("ticket-restart-late");
        string id;
        await using (var first = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"), Sqlite(data)))
        {
            id = (await first.ReceiveAsync()).Summary.Id;
            await first.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        }

        await using var second = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 14:00"), Sqlite(data));
        await second.AdvanceAsync(TimeSpan.FromSeconds(1));

        var aging = await second.WaitForEventAsync<TicketAgingChanged>(id);
        aging.Bucket.Should().Be(AgingBucket.From50To75, "at 14:00 two and a half of four working hours are used");
        (await second.SummaryAsync(id)).Bucket.Should().Be(AgingBucket.From50To75);
    }

    private static Action<TestSiloOptions> Sqlite(TempDirectory data) =>
        options => options.ConfigureRuntimeBuilder = builder => builder.AddSqliteStorage(o => o.DataDirectory = data.Path);
}
