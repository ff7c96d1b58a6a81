using LiveGrid.Grains.Events;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Inspections;

/// <summary>Findings on patrol become tickets in the grid (source 巡查); simple ones are fixed on the spot (即办).</summary>
public sealed class FindingTests : InspectionTestBase
{
    private ITicketGrain Ticket(string id) => Silo.GrainFactory.GetGrain<ITicketGrain>(id);

    private static PatrolFinding Rubbish(bool onSpot = false, string? resolution = null)
    {
        var (lon, lat) = TestCity.Centre(1);
        return new PatrolFinding
        {
            Category = DefaultCategoryCodes.ExposedRubbish,
            Description = "3号楼东侧堆放生活垃圾",
            Longitude = lon,
            Latitude = lat,
            Address = "3号楼东侧",
            ResolvedOnSpot = onSpot,
            Resolution = resolution,
        };
    }

    [Fact]
    public async Task A_finding_becomes_a_patrol_ticket_in_the_grid()
    {
        var patrol = await StartedAsync("p1");
        var result = await patrol.ReportFinding(W1a, Now("2026-03-02 09:00"), Rubbish());

        result.Applied.Should().BeTrue(result.Error);
        result.CreatedTicketId.Should().Be("20260302-000001");
        result.View!.Findings.Should().ContainSingle().Which.TicketId.Should().Be("20260302-000001");
        result.View.Summary.Findings.Should().Be(1);

        var ticket = (await Ticket("20260302-000001").Get())!;
        ticket.Summary.Source.Should().Be(TicketSource.Patrol);
        ticket.Summary.GridCode.Should().Be(TestCity.Grid1);
        ticket.Summary.Category.Should().Be(DefaultCategoryCodes.ExposedRubbish);
        ticket.Summary.Status.Should().Be(TicketStatus.Classified, "the dispatcher sends it on");
        ticket.Summary.ReceivedAt.Should().Be(ShanghaiTime.At("2026-03-02 09:00"));
        ticket.Intake.InspectionId.Should().Be("p1");
        ticket.Intake.ReceivedBy.Should().Be(W1a);

        Events.Of("inspection/p1").Cast<InspectionChanged>().Select(e => e.Action).Should().Equal("Schedule", "CheckIn", "ReportFinding");
    }

    [Fact]
    public async Task A_finding_fixed_on_the_spot_is_driven_to_resolved_by_the_patrolling_worker()
    {
        var patrol = await StartedAsync("p1");
        var result = await patrol.ReportFinding(W1a, Now("2026-03-02 09:00"), Rubbish(onSpot: true, resolution: "已清运"));

        result.Applied.Should().BeTrue(result.Error);
        result.Error.Should().BeNull();
        var ticket = (await Ticket(result.CreatedTicketId!).Get())!;
        ticket.Summary.Status.Should().Be(TicketStatus.Resolved);
        ticket.Summary.Source.Should().Be(TicketSource.Patrol);
        ticket.Summary.ResolvedAt.Should().Be(ShanghaiTime.At("2026-03-02 09:00"));
        ticket.Ticket.Resolution!.Note.Should().Be("已清运");
        ticket.Ticket.Resolution.Level.Should().Be(ResolutionLevel.Grid);
        var audit = await Ticket(result.CreatedTicketId!).GetAuditTrail();
        audit.Select(t => t.Action).Should().Equal(
            TicketActionKind.Receive, TicketActionKind.Classify, TicketActionKind.Dispatch, TicketActionKind.Accept, TicketActionKind.ArriveOnSite, TicketActionKind.Resolve);
        audit.Should().OnlyContain(t => t.By == W1a);
        result.View!.History[^1].Note.Should().Contain("即办");
    }

    [Fact]
    public async Task Findings_that_cannot_become_tickets_are_refused_and_leave_no_ticket()
    {
        var patrol = await StartedAsync("p1");
        (await patrol.ReportFinding(W1a, Now("2026-03-02 09:00"), Rubbish(onSpot: true))).Error.Should().Contain("即办");
        (await patrol.ReportFinding(W1a, Now("2026-03-02 09:01"), Rubbish() with { Category = "外星人" })).Error.Should().Contain("not configured");
        (await patrol.ReportFinding(W1a, Now("2026-03-02 09:02"), Rubbish() with { Description = " " })).Error.Should().Contain("description");
        (await Silo.GrainFactory.GetGrain<ITicketNumberGrain>("20260302").Count()).Should().Be(0);
        (await patrol.Get())!.Findings.Should().BeEmpty();
    }

    [Fact]
    public async Task A_finding_before_check_in_is_refused()
    {
        var patrol = await ScheduledAsync("p1");
        var result = await patrol.ReportFinding(W1a, Now("2026-03-02 08:10"), Rubbish());
        result.Applied.Should().BeFalse();
        result.Error.Should().Contain("Scheduled");
        result.CreatedTicketId.Should().BeNull();
    }
}
