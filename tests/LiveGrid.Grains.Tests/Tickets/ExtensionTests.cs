using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>延期: requested by the handler, decided by the dispatcher, at most one pending.</summary>
public sealed class ExtensionTests
{
    [Fact]
    public void An_approved_extension_is_kept_and_the_request_is_no_longer_pending()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();
        var requestedAt = story.RequestExtension(" 3WD ", "需协调物业公司").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Accepted);
        story.Ticket.PendingExtension.Should().Be(new ExtensionRequest("3wd", "需协调物业公司", People.Handler.Id, requestedAt));

        var approvedAt = story.DecideExtension(approved: true, note: "同意").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Accepted);
        story.Ticket.PendingExtension.Should().BeNull();
        story.Ticket.ApprovedExtensions.Should().Equal(
            new ApprovedExtension("3wd", "需协调物业公司", People.Handler.Id, requestedAt, People.Dispatcher.Id, approvedAt, "同意"));
        story.Ticket.History[^1].Detail.Should().Be("approved 3wd");
    }

    [Fact]
    public void A_refused_extension_clears_the_request_and_adds_nothing()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().ArriveOnSite().RequestExtension("2wd");

        story.DecideExtension(approved: false, note: "理由不充分");

        story.Ticket.Status.Should().Be(TicketStatus.OnSite);
        story.Ticket.PendingExtension.Should().BeNull();
        story.Ticket.ApprovedExtensions.Should().BeEmpty();
        story.Ticket.History[^1].Should().Match<TicketTransition>(entry =>
            entry.Note == "理由不充分" && entry.Detail == "refused 2wd" && entry.By.Role == ActorRole.Dispatcher);
    }

    [Fact]
    public void A_second_request_while_one_is_pending_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().RequestExtension("3wd");
        var before = story.Ticket;

        var result = story.Try(at => new RequestExtension(People.Handler, at, "5wd", "再延长"));

        var rejection = result.ShouldBeRejected(TicketRejectionReason.GuardNotMet);
        result.Ticket.Should().BeSameAs(before);
        rejection.Message.Should().Contain("an extension request (3wd").And.Contain("already pending");
        rejection.AllowedActions.Should().Contain(TicketActionKind.DecideExtension).And.NotContain(TicketActionKind.RequestExtension);
    }

    [Fact]
    public void After_a_decision_the_handler_may_ask_again()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept()
            .RequestExtension("3wd").DecideExtension(approved: true)
            .RequestExtension("2wd").DecideExtension(approved: true);

        story.Ticket.ApprovedExtensions.Select(extension => extension.Limit).Should().Equal("3wd", "2wd");
    }

    [Fact]
    public void Deciding_with_nothing_pending_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();

        var rejection = story.Try(at => new DecideExtension(People.Dispatcher, at, Approved: true)).ShouldBeRejected(TicketRejectionReason.GuardNotMet);

        rejection.Message.Should().Contain("no extension request is pending");
    }

    [Fact]
    public void A_refusal_must_say_why()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().RequestExtension();

        story.Try(at => new DecideExtension(People.Dispatcher, at, Approved: false)).ShouldBeRejected(TicketRejectionReason.InvalidAction);

        story.Ticket.PendingExtension.Should().NotBeNull();
    }

    [Theory]
    [InlineData("三天", "does not start with a whole number")]
    [InlineData("3 weeks", "unknown unit")]
    [InlineData("0wd", "adds no time")]
    [InlineData("", "empty")]
    public void A_request_with_a_limit_that_is_not_a_time_limit_is_rejected(string limit, string expected)
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();

        var rejection = story.Try(at => new RequestExtension(People.Handler, at, limit, "需要更多时间")).ShouldBeRejected(TicketRejectionReason.InvalidAction);

        rejection.Message.Should().Contain(expected);
    }

    [Fact]
    public void Extensions_are_asked_for_only_once_the_unit_has_signed_for_the_ticket()
    {
        var story = TicketStory.Received().Classify().Dispatch();

        story.Try(at => new RequestExtension(People.Handler, at, "3wd", "需要更多时间")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
    }

    [Fact]
    public void A_pending_request_survives_a_suspension_and_is_decided_after_resuming()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().RequestExtension().Suspend();

        story.Try(at => new DecideExtension(People.Dispatcher, at, Approved: true)).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
        story.Resume().DecideExtension(approved: true);

        story.Ticket.ApprovedExtensions.Should().ContainSingle();
    }

    [Fact]
    public void A_pending_request_lapses_when_the_ticket_is_resolved_or_transferred()
    {
        TicketStory.Received().Classify().Dispatch().Accept().RequestExtension().Resolve()
            .Ticket.PendingExtension.Should().BeNull();
        TicketStory.Received().Classify().Dispatch().Accept().RequestExtension().Transfer()
            .Ticket.PendingExtension.Should().BeNull();
    }
}
