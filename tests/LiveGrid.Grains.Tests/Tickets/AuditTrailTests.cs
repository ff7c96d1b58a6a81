using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

public sealed class AuditTrailTests
{
    [Fact]
    public void Every_transition_is_recorded_in_order_with_who_when_and_why()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation)
            .Return("非本单位职责").Redispatch(Units.Housing)
            .Accept().Suspend("等待市民补充材料").Resume("材料已补齐")
            .RequestExtension("3wd", "需协调物业").DecideExtension(approved: true, note: "同意延期")
            .ArriveOnSite().Supervise(SupervisionLevel.Reminder, "请加快")
            .Resolve().CallBack(CallbackRating.Unsatisfied).Rework(ReworkSource.UnsatisfiedCallback, "市民不满意")
            .Accept().Resolve().Verify(passed: true);

        // Rejected attempts leave no trace.
        story.Try(at => new Supervise(People.CommandCenter, at, SupervisionLevel.Reminder, "已结案后督办")).IsApplied.Should().BeFalse();

        var history = story.Ticket.History;
        history.Select(entry => entry.Action).Should().Equal(
            TicketActionKind.Receive, TicketActionKind.Classify, TicketActionKind.Dispatch,
            TicketActionKind.Return, TicketActionKind.Redispatch,
            TicketActionKind.Accept, TicketActionKind.Suspend, TicketActionKind.Resume,
            TicketActionKind.RequestExtension, TicketActionKind.DecideExtension,
            TicketActionKind.ArriveOnSite, TicketActionKind.Supervise,
            TicketActionKind.Resolve, TicketActionKind.CallBack, TicketActionKind.Rework,
            TicketActionKind.Accept, TicketActionKind.Resolve, TicketActionKind.Verify);
        history.Select(entry => entry.Sequence).Should().Equal(Enumerable.Range(1, history.Count));
        history.Select(entry => entry.At).Should().BeInAscendingOrder();
        history[0].From.Should().BeNull();
        history[0].To.Should().Be(TicketStatus.Received);
        history.Zip(history.Skip(1)).Should().AllSatisfy(pair => pair.Second.From.Should().Be(pair.First.To));
        history[^1].To.Should().Be(story.Ticket.Status).And.Be(TicketStatus.Closed);

        history.Select(entry => entry.By.Role).Should().Equal(
            ActorRole.HotlineOperator, ActorRole.HotlineOperator, ActorRole.Dispatcher,
            ActorRole.UnitHandler, ActorRole.Dispatcher,
            ActorRole.UnitHandler, ActorRole.UnitHandler, ActorRole.UnitHandler,
            ActorRole.UnitHandler, ActorRole.Dispatcher,
            ActorRole.UnitHandler, ActorRole.CommandCenter,
            ActorRole.UnitHandler, ActorRole.HotlineOperator, ActorRole.Dispatcher,
            ActorRole.UnitHandler, ActorRole.UnitHandler, ActorRole.Inspector);

        history[0].Note.Should().Be("市民来电：小区门口垃圾堆积三天无人清运");
        history[3].Should().Match<TicketTransition>(entry =>
            entry.Note == "非本单位职责" && entry.Detail == $"by {Units.Sanitation}" && entry.To == TicketStatus.Returned);
        history[6].Should().Match<TicketTransition>(entry => entry.Note == "等待市民补充材料" && entry.To == TicketStatus.Suspended);
        history[7].Should().Match<TicketTransition>(entry => entry.Note == "材料已补齐" && entry.To == TicketStatus.Accepted);
        history[9].Should().Match<TicketTransition>(entry => entry.Note == "同意延期" && entry.Detail == "approved 3wd");
        history[13].Detail.Should().Be("rated Unsatisfied");
        history[14].Should().Match<TicketTransition>(entry => entry.Note == "市民不满意" && entry.To == TicketStatus.Dispatched);
        history[^1].By.Should().Be(People.Inspector);
    }

    [Fact]
    public void Apply_returns_the_entry_it_appended()
    {
        var story = TicketStory.Received().Classify();

        var result = story.Ticket.Apply(new Dispatch(People.Dispatcher, story.Next(), Units.Sanitation, Note: "按属地派单"), story.Context);

        var transition = result.ShouldBeApplied();
        transition.Should().Be(new TicketTransition(
            3, story.Clock, People.Dispatcher, TicketStatus.Classified, TicketStatus.Dispatched, TicketActionKind.Dispatch,
            "按属地派单", $"to {Units.Sanitation}"));
        result.Ticket.History[^1].Should().BeSameAs(transition);
    }
}
