using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

public sealed class HappyPathTests
{
    [Fact]
    public void A_ticket_passes_every_milestone_from_intake_to_close()
    {
        var story = TicketStory.Received();
        story.Ticket.Status.Should().Be(TicketStatus.Received);
        story.Ticket.Milestones.ReceivedAt.Should().Be(TicketStory.Start);

        story.Classify("暴露垃圾", Priority.Urgent, RequestKind.Complaint);
        story.Ticket.Status.Should().Be(TicketStatus.Classified);
        story.Ticket.Classification.Should().Be(new TicketClassification("暴露垃圾", Priority.Urgent, RequestKind.Complaint));

        var dispatchedAt = story.Dispatch(Units.Sanitation).Clock;
        story.Ticket.Status.Should().Be(TicketStatus.Dispatched);
        story.Ticket.CurrentUnitId.Should().Be(Units.Sanitation);
        story.Ticket.Milestones.FirstDispatchedAt.Should().Be(dispatchedAt);
        story.Ticket.Milestones.LatestDispatchedAt.Should().Be(dispatchedAt);

        var acceptedAt = story.Accept().Clock;
        story.Ticket.Status.Should().Be(TicketStatus.Accepted);
        story.Ticket.Milestones.AcceptedAt.Should().Be(acceptedAt);

        var onSiteAt = story.ArriveOnSite().Clock;
        story.Ticket.Status.Should().Be(TicketStatus.OnSite);
        story.Ticket.Milestones.OnSiteAt.Should().Be(onSiteAt);

        var resolvedAt = story.Resolve(ResolutionLevel.Grid).Clock;
        story.Ticket.Status.Should().Be(TicketStatus.Resolved);
        story.Ticket.Milestones.ResolvedAt.Should().Be(resolvedAt);
        story.Ticket.ResolvedAtLevel.Should().Be(ResolutionLevel.Grid);
        story.Ticket.Resolution.Should().Be(new TicketResolution("垃圾已清运，现场已冲洗", ResolutionLevel.Grid, Units.Sanitation));

        var calledBackAt = story.CallBack(CallbackRating.BasicallySatisfied).Clock;
        story.Ticket.Status.Should().Be(TicketStatus.CalledBack);
        story.Ticket.Milestones.CalledBackAt.Should().Be(calledBackAt);
        story.Ticket.Rating.Should().Be(CallbackRating.BasicallySatisfied);

        var closedAt = story.Close().Clock;
        var ticket = story.Ticket;
        ticket.Status.Should().Be(TicketStatus.Closed);
        ticket.Milestones.Should().Be(new TicketMilestones(
            TicketStory.Start, dispatchedAt, dispatchedAt, acceptedAt, onSiteAt, resolvedAt, calledBackAt, closedAt));
        ticket.IsTerminal.Should().BeTrue();
        ticket.AllowedActions(TicketContext.WithinReturnWindow).Should().BeEmpty();
        ticket.ReworkCount.Should().Be(0);
        ticket.ReturnCount.Should().Be(0);
        ticket.History.Select(entry => entry.To).Should().Equal(
            TicketStatus.Received, TicketStatus.Classified, TicketStatus.Dispatched, TicketStatus.Accepted,
            TicketStatus.OnSite, TicketStatus.Resolved, TicketStatus.CalledBack, TicketStatus.Closed);
    }

    [Fact]
    public void An_inquiry_answered_by_phone_is_resolved_without_going_on_site()
    {
        var story = TicketStory.Received().Classify("社区服务", Priority.Normal, RequestKind.Inquiry).Dispatch(Units.StreetOffice).Accept();

        story.Resolve(ResolutionLevel.Street);

        story.Ticket.Status.Should().Be(TicketStatus.Resolved);
        story.Ticket.Milestones.OnSiteAt.Should().BeNull();
    }

    [Fact]
    public void A_passed_verification_closes_the_ticket()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().ArriveOnSite().Resolve();

        var verifiedAt = story.Verify(passed: true, note: "现场已清理干净").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Closed);
        story.Ticket.Milestones.ClosedAt.Should().Be(verifiedAt);
        story.Ticket.Verification.Should().Be(new TicketVerification(true, "现场已清理干净", People.Inspector.Id, verifiedAt));
        story.Ticket.History[^1].Action.Should().Be(TicketActionKind.Verify);
    }

    [Fact]
    public void A_resolved_ticket_can_be_closed_without_callback()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().Resolve();

        story.Close("市民匿名来电，无法回访");

        story.Ticket.Status.Should().Be(TicketStatus.Closed);
        story.Ticket.Milestones.CalledBackAt.Should().BeNull();
        story.Ticket.History[^1].Detail.Should().Be("without callback");
    }

    [Fact]
    public void A_classification_can_be_corrected_before_dispatch()
    {
        var story = TicketStory.Received().Classify("暴露垃圾", Priority.Normal, RequestKind.Complaint);

        story.Classify("噪音扰民", Priority.Urgent, RequestKind.Report);

        story.Ticket.Status.Should().Be(TicketStatus.Classified);
        story.Ticket.Classification.Should().Be(new TicketClassification("噪音扰民", Priority.Urgent, RequestKind.Report));
        story.Ticket.History[^1].Detail.Should().Be("暴露垃圾/Normal/Complaint -> 噪音扰民/Urgent/Report");
    }

    [Fact]
    public void Dispatch_needs_a_classification_first()
    {
        var story = TicketStory.Received();

        var rejection = story.Try(at => new Dispatch(People.Dispatcher, at, Units.Sanitation))
            .ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);

        rejection.Message.Should().Be(
            "Dispatch is not allowed on ticket T-20260309-0001 in status Received. Allowed now: Classify, MergeInto, AddDuplicate, Supervise, AttachEvidence.");
    }

    [Fact]
    public void Intake_requires_an_id_and_an_actor()
    {
        var at = TicketStory.Start;

        FluentActions.Invoking(() => Ticket.Create(" ", new Receive(People.Operator, at))).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Ticket.Create("T-1", new Receive(People.Operator with { Id = "" }, at)))
            .Should().Throw<ArgumentException>().WithMessage("*actor's id is required*");
    }
}
