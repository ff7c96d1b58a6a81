using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>合并 of duplicates before dispatch, and 督办, which records without changing the status.</summary>
public sealed class MergeAndSupervisionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_duplicate_is_merged_into_its_original_before_dispatch(bool classified)
    {
        var story = TicketStory.Received("T-20260309-0007");
        if (classified)
        {
            story.Classify();
        }

        story.MergeInto("T-20260308-0042");

        story.Ticket.Status.Should().Be(TicketStatus.Merged);
        story.Ticket.MergedIntoTicketId.Should().Be("T-20260308-0042");
        story.Ticket.IsTerminal.Should().BeTrue();
        story.Ticket.Milestones.ClosedAt.Should().BeNull("a merged ticket was never resolved and closed");
        story.Ticket.History[^1].Detail.Should().Be("duplicate of T-20260308-0042");
    }

    [Fact]
    public void A_dispatched_ticket_cannot_be_merged()
    {
        var story = TicketStory.Received().Classify().Dispatch();

        var rejection = story.Try(at => new MergeInto(People.Operator, at, "T-20260308-0042")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);

        rejection.Message.Should().StartWith("MergeInto is not allowed on ticket T-20260309-0001 in status Dispatched.");
        story.Ticket.Status.Should().Be(TicketStatus.Dispatched);
    }

    [Fact]
    public void A_ticket_cannot_be_merged_into_itself()
    {
        TicketStory.Received("T-1").Try(at => new MergeInto(People.Operator, at, "T-1")).ShouldBeRejected(TicketRejectionReason.InvalidAction);
    }

    [Fact]
    public void The_original_records_its_duplicates_once_each_without_changing_status()
    {
        var story = TicketStory.Received("T-20260308-0042").Classify().Dispatch();

        var firstAt = story.AddDuplicate("T-20260309-0007").Clock;
        var secondAt = story.AddDuplicate("T-20260309-0011").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Dispatched);
        story.Ticket.Duplicates.Should().Equal(new MergedDuplicate("T-20260309-0007", firstAt), new MergedDuplicate("T-20260309-0011", secondAt));
        story.Try(at => new AddDuplicate(People.Operator, at, "T-20260309-0007")).ShouldBeRejected(TicketRejectionReason.InvalidAction)
            .Message.Should().Contain("already recorded");
        story.Try(at => new AddDuplicate(People.Operator, at, "T-20260308-0042")).ShouldBeRejected(TicketRejectionReason.InvalidAction);
    }

    [Fact]
    public void A_closed_original_takes_no_more_duplicates()
    {
        TicketStory.Received().Classify().Dispatch().Accept().Resolve().Close()
            .Try(at => new AddDuplicate(People.Operator, at, "T-20260309-0099")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
    }

    [Fact]
    public void Supervision_is_recorded_without_changing_the_status()
    {
        var story = TicketStory.Received().Classify().Dispatch().Accept();

        var reminderAt = story.Supervise(SupervisionLevel.Reminder, "即将超期，请尽快处理").Clock;
        var noticeAt = story.Supervise(SupervisionLevel.FormalNotice, "已超期，发函整改").Clock;

        story.Ticket.Status.Should().Be(TicketStatus.Accepted);
        story.Ticket.Supervisions.Should().Equal(
            new TicketSupervision(SupervisionLevel.Reminder, "即将超期，请尽快处理", People.CommandCenter, reminderAt),
            new TicketSupervision(SupervisionLevel.FormalNotice, "已超期，发函整改", People.CommandCenter, noticeAt));
        story.Ticket.History.TakeLast(2).Should().AllSatisfy(entry =>
        {
            entry.Action.Should().Be(TicketActionKind.Supervise);
            entry.From.Should().Be(TicketStatus.Accepted);
            entry.To.Should().Be(TicketStatus.Accepted);
            entry.By.Role.Should().Be(ActorRole.CommandCenter);
        });
        story.Ticket.History[^1].Detail.Should().Be("FormalNotice");
    }

    [Fact]
    public void Supervision_needs_a_note_and_an_open_ticket()
    {
        TicketStory.Received().Classify().Dispatch()
            .Try(at => new Supervise(People.CommandCenter, at, SupervisionLevel.Escalation, " ")).ShouldBeRejected(TicketRejectionReason.InvalidAction);
        TicketStory.Received().MergeInto()
            .Try(at => new Supervise(People.CommandCenter, at, SupervisionLevel.Escalation, "督办")).ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus);
    }
}
