using LiveGrid.Grains.Events;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Testing;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>Graduated supervision of overdue work and the alert for a suspension that runs too long.</summary>
public sealed class TicketSupervisionTests
{
    [Fact]
    public async Task An_overdue_ticket_climbs_the_ladder_from_reminder_to_the_district_and_stops_there()
    {
        // Exposed rubbish dispatched Monday 10:00 is overdue at 15:30. Policies: formal notice 1wd later, escalation
        // 2wd after the deadline, then every 1wd: community Wed, street Thu, district Fri, all at 15:30.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        foreach (var (at, bucket) in new[] { ("2026-03-09 12:00", LiveGrid.Grains.Sla.AgingBucket.From50To75), ("2026-03-09 14:30", LiveGrid.Grains.Sla.AgingBucket.From75To100) })
        {
            desk.Time.AdvanceTo(ShanghaiTime.At(at));
            await desk.WaitForEventAsync<TicketAgingChanged>(id, e => e.Bucket == bucket);
        }

        var steps = new (string At, SupervisionLevel Level, TerritoryLevel To)[]
        {
            ("2026-03-09 15:30", SupervisionLevel.Reminder, TerritoryLevel.Grid),
            ("2026-03-10 15:30", SupervisionLevel.FormalNotice, TerritoryLevel.Grid),
            ("2026-03-11 15:30", SupervisionLevel.Escalation, TerritoryLevel.Community),
            ("2026-03-12 15:30", SupervisionLevel.Escalation, TerritoryLevel.Street),
            ("2026-03-13 15:30", SupervisionLevel.Escalation, TerritoryLevel.District),
        };
        for (var i = 0; i < steps.Length; i++)
        {
            var (at, level, to) = steps[i];
            desk.Time.AdvanceTo(ShanghaiTime.At(at).AddSeconds(-1));
            (await desk.SummaryAsync(id)).Version.Should().Be(3 + i, $"step {i + 1} is not due a second before {at}");

            desk.Time.AdvanceTo(ShanghaiTime.At(at));
            var supervised = await desk.WaitForEventAsync<TicketSupervised>(id, e => e.Summary.Version == 4 + i, $"supervision step {i + 1}");
            supervised.At.ShouldBeAt(at);
            supervised.Level.Should().Be(level);
            supervised.EscalatedTo.Should().Be(to);
            supervised.Summary.EscalatedTo.Should().Be(to);
        }

        desk.Time.Advance(TimeSpan.FromDays(10));
        var summary = await desk.SummaryAsync(id);
        summary.Version.Should().Be(8, "the district is the top of the ladder");
        summary.Supervision.Should().Be(SupervisionLevel.Escalation);

        var audit = await desk.Ticket(id).GetAuditTrail();
        audit.Where(t => t.Action == TicketActionKind.Supervise).Select(t => (t.By.Role, t.Detail)).Should().Equal(
            (ActorRole.System, "Reminder"), (ActorRole.System, "FormalNotice"),
            (ActorRole.System, "Escalation"), (ActorRole.System, "Escalation"), (ActorRole.System, "Escalation"));
        audit.Where(t => t.Action == TicketActionKind.Supervise).Should().OnlyContain(t => t.From == TicketStatus.Dispatched && t.To == TicketStatus.Dispatched);

        var events = desk.EventsOf(id);
        events.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), "one stream, no gaps");
        events.OfType<TicketSupervised>().Should().HaveCount(5);
        events.OfType<TicketChanged>().Count(e => e.Transition.Action == TicketActionKind.Supervise).Should().Be(5);

        var feed = await desk.Silo.GrainFactory.GetGrain<IWorkerGrain>("w1a").GetFeed();
        feed.Count(n => n.Kind == WorkerNotificationKind.Supervision && n.TicketId == id).Should().Be(5);
        feed.Should().Contain(n => n.Kind == WorkerNotificationKind.Overdue && n.TicketId == id);
    }

    [Fact]
    public async Task A_command_center_supervision_is_recorded_and_published()
    {
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync()).Summary.Id;

        var view = await desk.DoAsync(id, new Supervise(People.CommandCenter, default, SupervisionLevel.Reminder, "请尽快派单"));

        view.Summary.Supervision.Should().Be(SupervisionLevel.Reminder);
        var supervised = await desk.WaitForEventAsync<TicketSupervised>(id);
        supervised.Note.Should().Be("请尽快派单");
        view.Ticket.History[^1].By.Should().Be(People.CommandCenter);
        view.Summary.EscalatedTo.Should().Be(TerritoryLevel.Grid, "a reminder escalates nothing");

        var escalated = await desk.DoAsync(id, new Supervise(People.CommandCenter, default, SupervisionLevel.Escalation, "提请社区协调"));
        escalated.Summary.EscalatedTo.Should().Be(TerritoryLevel.Community, "one level up from the grid");
        (await desk.WaitForEventAsync<TicketSupervised>(id, e => e.Level == SupervisionLevel.Escalation)).EscalatedTo.Should().Be(TerritoryLevel.Community);
    }

    [Fact]
    public async Task A_suspension_running_longer_than_the_policy_raises_one_alert()
    {
        // SuspensionAlertAfter is 5 working days: suspended Monday 11:00, the alert is due the next Monday 11:00.
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"));
        var id = (await desk.ReceiveAsync("社区服务", priority: LiveGrid.Grains.Sla.Priority.Normal, kind: LiveGrid.Grains.Sla.RequestKind.Complaint)).Summary.Id;
        await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        desk.Time.AdvanceTo(ShanghaiTime.At("2026-03-09 11:00"));
        await desk.DoAsync(id, new Suspend(People.Handler, default, "等待第三方检测"));

        desk.Time.AdvanceTo(ShanghaiTime.At("2026-03-16 10:59:59"));
        (await desk.SummaryAsync(id)).Revision.Should().Be(3, "the alert is not due yet");
        desk.Time.AdvanceTo(ShanghaiTime.At("2026-03-16 11:00"));
        var alert = await desk.WaitForEventAsync<TicketSuspensionTooLong>(id);
        alert.At.ShouldBeAt("2026-03-16 11:00");
        alert.SuspendedSince.ShouldBeAt("2026-03-09 11:00");
        alert.Summary.IsSuspended.Should().BeTrue();

        desk.Time.Advance(TimeSpan.FromDays(20));
        (await desk.SummaryAsync(id)).Revision.Should().Be(4, "one alert per suspension");
        desk.EventsOf(id).OfType<TicketSuspensionTooLong>().Should().ContainSingle();

        var feed = await desk.Silo.GrainFactory.GetGrain<IWorkerGrain>("w1a").GetFeed();
        feed.Should().NotContain(n => n.TicketId == id && n.Kind == WorkerNotificationKind.SuspensionTooLong,
            "a community unit has no grid worker to notify");
    }
}
