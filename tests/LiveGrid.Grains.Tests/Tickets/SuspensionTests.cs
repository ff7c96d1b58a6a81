using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>停止计时 / 恢复计时: the clock stops and the ticket comes back where it was.</summary>
public sealed class SuspensionTests
{
    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.OnSite)]
    public void Resuming_returns_to_the_status_the_ticket_was_suspended_from(TicketStatus from)
    {
        var story = TicketStory.Received().Classify().Dispatch();
        if (from is TicketStatus.Accepted or TicketStatus.OnSite)
        {
            story.Accept();
        }

        if (from is TicketStatus.OnSite)
        {
            story.ArriveOnSite();
        }

        var suspendedAt = story.Suspend("等待市民提供补充材料").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Suspended);
        story.Ticket.SuspendedFrom.Should().Be(from);
        story.Ticket.OpenSuspension.Should().Be(new TicketSuspension(from, "等待市民提供补充材料", suspendedAt));

        var resumedAt = story.Resume("材料已补齐").Clock;

        story.Ticket.Status.Should().Be(from);
        story.Ticket.SuspendedFrom.Should().BeNull();
        story.Ticket.OpenSuspension.Should().BeNull();
        story.Ticket.Suspensions.Should().Equal(new TicketSuspension(from, "等待市民提供补充材料", suspendedAt, resumedAt, "材料已补齐"));
        story.Ticket.Suspensions[0].Duration.Should().Be(resumedAt - suspendedAt);
    }

    [Fact]
    public void Suspending_a_suspended_ticket_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().Suspend();
        var before = story.Ticket;

        var result = story.Try(at => new Suspend(People.Handler, at, "再次停止计时"));

        var rejection = result.ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
        result.Ticket.Should().BeSameAs(before);
        rejection.AllowedActions.Should().Equal(TicketActionKind.Resume, TicketActionKind.AddDuplicate, TicketActionKind.Supervise, TicketActionKind.AttachEvidence);
        before.Suspensions.Should().ContainSingle();
    }

    [Fact]
    public void Suspensions_are_kept_in_order_with_only_the_last_one_open()
    {
        var story = TicketStory.Received().Classify().Dispatch().Suspend("等待第三方").Resume().Accept().Suspend("等待市民");

        story.Ticket.Suspensions.Should().HaveCount(2);
        story.Ticket.Suspensions[0].Should().Match<TicketSuspension>(s => s.From == TicketStatus.Dispatched && !s.IsOpen);
        story.Ticket.Suspensions[1].Should().Match<TicketSuspension>(s => s.From == TicketStatus.Accepted && s.IsOpen);
        story.Ticket.SuspendedFrom.Should().Be(TicketStatus.Accepted);
    }

    [Fact]
    public void Work_waits_while_the_clock_is_stopped()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().Suspend();

        story.Try(at => new Resolve(People.Handler, at, "已处理", ResolutionLevel.Grid)).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
        story.Try(at => new Transfer(People.Dispatcher, at, Units.Housing, "转办")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
    }

    [Fact]
    public void A_suspension_needs_a_reason_and_an_open_ticket_in_the_units_hands()
    {
        TicketStory.Received().Classify().Dispatch()
            .Try(at => new Suspend(People.Handler, at, "")).ShouldBeRejected(TicketRejectionReason.InvalidAction);
        TicketStory.Received().Classify()
            .Try(at => new Suspend(People.Handler, at, "等待")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
        TicketStory.Received().Classify().Dispatch().Accept().Resolve()
            .Try(at => new Suspend(People.Handler, at, "等待")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
    }
}
