using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>重办/返工 after an unsatisfied callback or a failed verification (核查), counted against the unit.</summary>
public sealed class ReworkTests
{
    [Fact]
    public void An_unsatisfied_callback_sends_the_ticket_back_to_the_same_unit()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Accept().ArriveOnSite().Resolve()
            .CallBack(CallbackRating.Unsatisfied);

        var reworkAt = story.Rework(ReworkSource.UnsatisfiedCallback, "市民称仍有异味").Clock;

        var ticket = story.Ticket;
        ticket.Status.Should().Be(TicketStatus.Dispatched);
        ticket.CurrentUnitId.Should().Be(Units.Sanitation);
        ticket.ReworkCount.Should().Be(1);
        ticket.Reworks.Should().Equal(new TicketRework(Units.Sanitation, ReworkSource.UnsatisfiedCallback, "市民称仍有异味", reworkAt));
        ticket.Milestones.LatestDispatchedAt.Should().Be(reworkAt);
        ticket.Milestones.Should().Match<TicketMilestones>(m =>
            m.AcceptedAt == null && m.OnSiteAt == null && m.ResolvedAt == null && m.CalledBackAt == null);
        ticket.Resolution.Should().BeNull();
        ticket.Rating.Should().BeNull("the rating belonged to the round that failed");

        story.Accept().Resolve().CallBack(CallbackRating.Satisfied).Close();
        story.Ticket.Status.Should().Be(TicketStatus.Closed);
        story.Ticket.ReworkCount.Should().Be(1);
        story.Ticket.Rating.Should().Be(CallbackRating.Satisfied);
    }

    [Fact]
    public void A_failed_verification_holds_the_ticket_until_it_is_sent_to_rework()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Accept().Resolve();

        var verifiedAt = story.Verify(passed: false, note: "现场仍有垃圾").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Resolved);
        story.Ticket.Verification.Should().Be(new TicketVerification(false, "现场仍有垃圾", People.Inspector.Id, verifiedAt));
        story.Ticket.AllowedActions(story.Context).Should().Equal(
            TicketActionKind.Rework, TicketActionKind.AddDuplicate, TicketActionKind.Supervise, TicketActionKind.AttachEvidence);
        story.Try(at => new Close(People.Dispatcher, at)).ShouldBeRejected(TicketRejectionReason.GuardNotMet)
            .Message.Should().Contain("verification by insp-05").And.Contain("must go to rework");

        story.Rework(ReworkSource.FailedVerification, "核查未通过");

        story.Ticket.Status.Should().Be(TicketStatus.Dispatched);
        story.Ticket.Verification.Should().BeNull();
        story.Ticket.Reworks.Should().ContainSingle().Which.Source.Should().Be(ReworkSource.FailedVerification);
    }

    [Fact]
    public void Every_rework_is_counted_against_the_unit_that_had_the_ticket()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Accept().Resolve()
            .Verify(passed: false).Rework(ReworkSource.FailedVerification, "核查未通过")
            .Accept().Resolve().CallBack(CallbackRating.Unsatisfied).Rework(ReworkSource.UnsatisfiedCallback, "市民仍不满意")
            .Transfer(Units.Enforcement).Accept().Resolve().CallBack(CallbackRating.Unsatisfied)
            .Rework(ReworkSource.UnsatisfiedCallback, "执法队处理后仍不满意");

        story.Ticket.ReworkCount.Should().Be(3);
        story.Ticket.Reworks.Select(rework => (rework.UnitId, rework.Source)).Should().Equal(
            (Units.Sanitation, ReworkSource.FailedVerification),
            (Units.Sanitation, ReworkSource.UnsatisfiedCallback),
            (Units.Enforcement, ReworkSource.UnsatisfiedCallback));
        story.Ticket.History.Where(entry => entry.Action == TicketActionKind.Rework).Select(entry => entry.Detail).Should().Equal(
            $"FailedVerification: rework 1 of {Units.Sanitation}",
            $"UnsatisfiedCallback: rework 2 of {Units.Sanitation}",
            $"UnsatisfiedCallback: rework 3 of {Units.Enforcement}");
    }

    [Theory]
    [InlineData(CallbackRating.Satisfied)]
    [InlineData(CallbackRating.BasicallySatisfied)]
    public void A_satisfied_citizen_sends_nothing_to_rework(CallbackRating rating)
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().Resolve().CallBack(rating);

        story.Try(at => new Rework(People.Dispatcher, at, "重新处理", ReworkSource.UnsatisfiedCallback))
            .ShouldBeRejected(TicketRejectionReason.GuardNotMet).Message.Should().Contain($"rated it {rating}");
    }

    [Fact]
    public void The_rework_source_must_match_how_the_ticket_got_there()
    {
        TicketStory.Received().Classify().Dispatch().Accept().Resolve().CallBack(CallbackRating.Unsatisfied)
            .Try(at => new Rework(People.Dispatcher, at, "重新处理", ReworkSource.FailedVerification))
            .ShouldBeRejected(TicketRejectionReason.InvalidAction).Message.Should().Contain("because of UnsatisfiedCallback, not FailedVerification");
        TicketStory.Received().Classify().Dispatch().Accept().Resolve().Verify(passed: false)
            .Try(at => new Rework(People.Dispatcher, at, "重新处理", ReworkSource.UnsatisfiedCallback))
            .ShouldBeRejected(TicketRejectionReason.InvalidAction).Message.Should().Contain("because of FailedVerification, not UnsatisfiedCallback");
    }

    [Fact]
    public void A_failed_verification_must_say_what_was_found()
    {
        TicketStory.Received().Classify().Dispatch().Accept().Resolve()
            .Try(at => new Verify(People.Inspector, at, Passed: false)).ShouldBeRejected(TicketRejectionReason.InvalidAction);
    }

    [Fact]
    public void Closing_over_an_unsatisfied_rating_needs_a_note()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept().Resolve().CallBack(CallbackRating.Unsatisfied);

        story.Try(at => new Close(People.Dispatcher, at)).ShouldBeRejected(TicketRejectionReason.InvalidAction)
            .Message.Should().Contain("needs a note");
        story.Close("诉求超出政策范围，已向市民解释");

        story.Ticket.Status.Should().Be(TicketStatus.Closed);
        story.Ticket.History[^1].Note.Should().Be("诉求超出政策范围，已向市民解释");
    }
}
