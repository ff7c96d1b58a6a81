using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;

namespace LiveGrid.Grains.Tests.Inspections;

/// <summary>核查结案: a verification of a resolved ticket closes it when it passes and sends it to rework when it fails.</summary>
public sealed class VerificationTests : InspectionTestBase
{
    private const string TicketId = "20260302-000001";

    private ITicketGrain Ticket => Silo.GrainFactory.GetGrain<ITicketGrain>(TicketId);

    /// <summary>A hotline ticket in grid 1, dispatched to the grid and resolved by 09:00.</summary>
    private async Task ResolvedTicketAsync(bool resolve = true)
    {
        var (lon, lat) = TestCity.Centre(1);
        var received = await Ticket.Receive(new TicketIntake
        {
            ReceivedBy = new TicketActor("op1", ActorRole.HotlineOperator, "话务员"),
            At = Now("2026-03-02 08:00"),
            Description = "小区门口垃圾无人清运",
            Longitude = lon,
            Latitude = lat,
            Category = DefaultCategoryCodes.ExposedRubbish,
            Priority = Priority.Normal,
            Kind = RequestKind.Complaint,
        });
        received.Applied.Should().BeTrue(received.Rejection?.Message);
        (await Ticket.Execute(new Dispatch(Dispatcher, Now("2026-03-02 08:10"), ResponsibleUnit(TestCity.Grid1)))).Applied.Should().BeTrue();
        if (resolve)
        {
            (await Ticket.Execute(new Accept(W1a, Now("2026-03-02 08:20")))).Applied.Should().BeTrue();
            (await Ticket.Execute(new Resolve(W1a, Now("2026-03-02 08:50"), "已清运", ResolutionLevel.Grid))).Applied.Should().BeTrue();
        }
    }

    private static string ResponsibleUnit(string grid) => City.ResponsibleUnit.GridUnitId(grid);

    private async Task<IInspectionGrain> StartedVerificationAsync()
    {
        var verification = Inspection($"verify-{TicketId}-1");
        var scheduled = await verification.Schedule(new InspectionPlan
        {
            Kind = InspectionKind.Verification,
            GridCode = TestCity.Grid1,
            WorkerId = "w1b",
            TicketId = TicketId,
            WindowStart = ShanghaiTime.At("2026-03-02 09:00"),
            WindowEnd = ShanghaiTime.At("2026-03-02 17:00"),
        });
        scheduled.Applied.Should().BeTrue(scheduled.Error);
        (await verification.CheckIn(Inspector, Now("2026-03-02 09:30"))).Applied.Should().BeTrue();
        return verification;
    }

    [Fact]
    public async Task The_worker_is_told_of_a_verification_to_do()
    {
        await ResolvedTicketAsync();
        await StartedVerificationAsync();
        (await Silo.GrainFactory.GetGrain<IWorkerGrain>("w1b").GetFeed()).Should().ContainSingle(n =>
            n.Kind == WorkerNotificationKind.VerificationScheduled && n.TicketId == TicketId && n.InspectionId == $"verify-{TicketId}-1");
    }

    [Fact]
    public async Task A_passed_verification_closes_the_ticket()
    {
        await ResolvedTicketAsync();
        var verification = await StartedVerificationAsync();

        var done = await verification.Complete(Inspector, Now("2026-03-02 10:00"), "现场已清理干净", passed: true);

        done.Applied.Should().BeTrue(done.Error);
        done.View!.Summary.Passed.Should().BeTrue();
        done.View.Summary.Status.Should().Be(InspectionStatus.Completed);
        var ticket = (await Ticket.Get())!;
        ticket.Summary.Status.Should().Be(TicketStatus.Closed);
        ticket.Ticket.Verification!.Passed.Should().BeTrue();
        ticket.Ticket.Verification.InspectorId.Should().Be(Inspector.Id);
    }

    [Fact]
    public async Task A_failed_verification_with_a_note_sends_the_ticket_to_rework()
    {
        await ResolvedTicketAsync();
        var verification = await StartedVerificationAsync();

        (await verification.Complete(Inspector, Now("2026-03-02 10:00"), passed: false)).Error.Should().Contain("note");
        (await verification.Complete(Inspector, Now("2026-03-02 10:01"))).Error.Should().Contain("passed true or false");
        (await Ticket.Get())!.Summary.Status.Should().Be(TicketStatus.Resolved, "refused completions change nothing");

        var done = await verification.Complete(Inspector, Now("2026-03-02 10:05"), "垃圾仍在原处", passed: false);

        done.Applied.Should().BeTrue(done.Error);
        done.View!.Summary.Passed.Should().BeFalse();
        done.View.Note.Should().Be("垃圾仍在原处");
        var ticket = (await Ticket.Get())!;
        ticket.Summary.Status.Should().Be(TicketStatus.Dispatched, "返工: back to its unit");
        ticket.Ticket.Reworks.Should().ContainSingle().Which.Source.Should().Be(ReworkSource.FailedVerification);
        (await Ticket.GetAuditTrail()).Select(t => t.Action).TakeLast(2).Should().Equal(TicketActionKind.Verify, TicketActionKind.Rework);
    }

    [Fact]
    public async Task A_verification_of_a_ticket_not_yet_resolved_is_refused_and_stays_open()
    {
        await ResolvedTicketAsync(resolve: false);
        var verification = await StartedVerificationAsync();

        var refused = await verification.Complete(Inspector, Now("2026-03-02 10:00"), "看过了", passed: true);

        refused.Applied.Should().BeFalse();
        refused.Error.Should().Contain("could not be verified");
        refused.View!.Summary.Status.Should().Be(InspectionStatus.Started);
        (await Ticket.Get())!.Summary.Status.Should().Be(TicketStatus.Dispatched);
    }
}
