using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>退单 and 改派, 转办, and co-handling (协办).</summary>
public sealed class ReturnAndTransferTests
{
    [Fact]
    public void A_return_within_the_window_goes_back_to_the_dispatcher_and_is_redispatched()
    {
        var story = TicketStory.Received().Classify();
        var firstDispatch = story.Dispatch(Units.Sanitation).Clock;

        var returnedAt = story.Return("非本单位职责，应由房管所处理").Clock;

        var returned = story.Ticket;
        returned.Status.Should().Be(TicketStatus.Returned);
        returned.CurrentUnitId.Should().BeNull("a returned ticket is with the dispatcher");
        returned.Returns.Should().Equal(new TicketReturn(Units.Sanitation, "非本单位职责，应由房管所处理", returnedAt));
        returned.ReturnCount.Should().Be(1);
        returned.AllowedActions(story.Context).Should().Equal(
            TicketActionKind.Classify, TicketActionKind.Redispatch, TicketActionKind.AddDuplicate, TicketActionKind.Supervise, TicketActionKind.AttachEvidence);

        var redispatchedAt = story.Redispatch(Units.Housing).Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Dispatched);
        story.Ticket.CurrentUnitId.Should().Be(Units.Housing);
        story.Ticket.Milestones.FirstDispatchedAt.Should().Be(firstDispatch);
        story.Ticket.Milestones.LatestDispatchedAt.Should().Be(redispatchedAt);
        story.Ticket.ReturnCount.Should().Be(1, "the return stays counted against the first unit");
    }

    [Fact]
    public void A_unit_may_return_a_ticket_it_had_accepted_while_the_window_is_open()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();

        story.Return();

        story.Ticket.Status.Should().Be(TicketStatus.Returned);
        story.Ticket.Milestones.AcceptedAt.Should().BeNull("the acceptance belonged to the unit that returned it");
    }

    [Fact]
    public void A_return_outside_the_window_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch();
        story.Context = TicketContext.OutsideReturnWindow;
        var before = story.Ticket;

        var result = story.Try(at => new Return(People.Handler, at, "非本单位职责"));

        var rejection = result.ShouldBeRejected(TicketRejectionReason.GuardNotMet);
        result.Ticket.Should().BeSameAs(before);
        rejection.Message.Should().Contain("return window has passed");
        rejection.AllowedActions.Should().NotContain(TicketActionKind.Return).And.Contain(TicketActionKind.Transfer);
    }

    [Fact]
    public void A_return_needs_a_reason()
    {
        var story = TicketStory.Received().Classify().Dispatch();

        var rejection = story.Try(at => new Return(People.Handler, at, "  ")).ShouldBeRejected(TicketRejectionReason.InvalidAction);

        rejection.Message.Should().Contain("the reason for returning is required");
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.OnSite)]
    public void A_transfer_sends_the_ticket_to_another_unit_which_must_accept_it_again(TicketStatus from)
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation);
        if (from is TicketStatus.Accepted or TicketStatus.OnSite)
        {
            story.Accept();
        }

        if (from is TicketStatus.OnSite)
        {
            story.ArriveOnSite();
        }

        story.Ticket.Status.Should().Be(from);
        var transferredAt = story.Transfer(Units.Enforcement, "涉及违法占道，转城管执法").Clock;

        var ticket = story.Ticket;
        ticket.Status.Should().Be(TicketStatus.Dispatched);
        ticket.CurrentUnitId.Should().Be(Units.Enforcement);
        ticket.Transfers.Should().Equal(new TicketTransfer(Units.Sanitation, Units.Enforcement, "涉及违法占道，转城管执法", transferredAt));
        ticket.Milestones.LatestDispatchedAt.Should().Be(transferredAt);
        ticket.Milestones.AcceptedAt.Should().BeNull();
        ticket.Milestones.OnSiteAt.Should().BeNull();
        ticket.History[^1].Detail.Should().Be($"from {Units.Sanitation} to {Units.Enforcement}");
    }

    [Fact]
    public void A_transfer_to_the_unit_that_has_it_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation);

        var rejection = story.Try(at => new Transfer(People.Dispatcher, at, Units.Sanitation, "重新派给自己"))
            .ShouldBeRejected(TicketRejectionReason.InvalidAction);

        rejection.Message.Should().Contain($"already with {Units.Sanitation}");
    }

    [Fact]
    public void A_co_handled_ticket_has_a_lead_unit_and_helpers()
    {
        var story = TicketStory.Received().Classify("违法建设").Dispatch(Units.StreetOffice, Units.Enforcement, Units.Housing);

        var ticket = story.Ticket;
        ticket.CurrentUnitId.Should().Be(Units.StreetOffice);
        ticket.HelperUnitIds.Should().Equal(Units.Enforcement, Units.Housing);
        ticket.Assignment!.IsCoHandled.Should().BeTrue();
        ticket.History[^1].Detail.Should().Be($"to {Units.StreetOffice} (lead) with helpers {Units.Enforcement}, {Units.Housing}");

        story.Accept().Resolve();
        story.Ticket.Resolution!.UnitId.Should().Be(Units.StreetOffice, "the lead unit answers for the ticket");
    }

    [Fact]
    public void Transferring_the_lead_to_a_helper_makes_it_the_lead()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.StreetOffice, Units.Enforcement, Units.Housing);

        story.Transfer(Units.Enforcement, "执法为主");

        story.Ticket.CurrentUnitId.Should().Be(Units.Enforcement);
        story.Ticket.HelperUnitIds.Should().Equal(Units.Housing);
    }

    [Theory]
    [InlineData(Units.Sanitation, new[] { Units.Sanitation }, "is the lead unit or is listed twice")]
    [InlineData(Units.Sanitation, new[] { Units.Housing, Units.Housing }, "is the lead unit or is listed twice")]
    [InlineData(Units.Sanitation, new[] { "" }, "a helper unit id is empty")]
    [InlineData(" ", new string[0], "the unit is required")]
    public void A_dispatch_with_inconsistent_units_is_rejected(string lead, string[] helpers, string expected)
    {
        var story = TicketStory.Received().Classify();

        var rejection = story.Try(at => new Dispatch(People.Dispatcher, at, lead, helpers)).ShouldBeRejected(TicketRejectionReason.InvalidAction);

        rejection.Message.Should().Contain(expected);
        story.Ticket.Status.Should().Be(TicketStatus.Classified);
    }

    [Fact]
    public void A_returned_ticket_can_be_reclassified_before_it_is_redispatched()
    {
        var story = TicketStory.Received().Classify("暴露垃圾").Dispatch().Return("这是房屋漏水，不是环卫问题");

        story.Classify("房屋漏水");

        story.Ticket.Status.Should().Be(TicketStatus.Returned);
        story.Ticket.Classification!.Category.Should().Be("房屋漏水");
    }
}
