using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

public sealed class TimeAndTerminalTests
{
    [Fact]
    public void An_action_dated_before_the_last_change_is_rejected()
    {
        var story = TicketStory.Received().Classify().Dispatch();
        var before = story.Ticket;
        var lastChange = story.Clock;

        var result = before.Apply(new Accept(People.Handler, lastChange.AddSeconds(-1)), story.Context);

        var rejection = result.ShouldBeRejected(TicketRejectionReason.TimeWentBackwards);
        result.Ticket.Should().BeSameAs(before);
        rejection.Message.Should().Contain("time cannot go backwards").And.Contain(lastChange.ToString("O"));
        rejection.AllowedActions.Should().Contain(TicketActionKind.Accept);
    }

    [Fact]
    public void An_action_at_the_same_instant_as_the_last_change_is_accepted()
    {
        var story = TicketStory.Received().Classify().Dispatch();

        var result = story.Ticket.Apply(new Accept(People.Handler, story.Clock), story.Context);

        result.ShouldBeApplied().At.Should().Be(story.Clock);
    }

    [Fact]
    public void Times_are_kept_in_utc_whatever_offset_the_action_carries()
    {
        var story = TicketStory.Received().Classify();
        var shanghai = story.Clock.AddMinutes(5).ToOffset(ShanghaiTime.Offset);

        var result = story.Ticket.Apply(new Dispatch(People.Dispatcher, shanghai, Units.Sanitation), story.Context);

        var transition = result.ShouldBeApplied();
        transition.At.Offset.Should().Be(TimeSpan.Zero);
        transition.At.Should().Be(shanghai);
        result.Ticket.Milestones.LatestDispatchedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    public static TheoryData<string> TerminalTickets() => ["closed after callback", "closed without callback", "closed by verification", "merged"];

    [Theory]
    [MemberData(nameof(TerminalTickets))]
    public void A_terminal_ticket_rejects_every_action(string how)
    {
        var story = how switch
        {
            "closed after callback" => TicketStory.Received().Classify().Dispatch().Accept().Resolve().CallBack().Close(),
            "closed without callback" => TicketStory.Received().Classify().Dispatch().Accept().Resolve().Close(),
            "closed by verification" => TicketStory.Received().Classify().Dispatch().Accept().Resolve().Verify(passed: true),
            "merged" => TicketStory.Received().MergeInto(),
            _ => throw new ArgumentOutOfRangeException(nameof(how)),
        };
        var terminal = story.Ticket;
        terminal.IsTerminal.Should().BeTrue();

        // RevealCaller is recorded by the grain, outside the lifecycle (allowed on terminal tickets too).
        foreach (var kind in Enum.GetValues<TicketActionKind>().Where(kind => kind != TicketActionKind.RevealCaller))
        {
            var result = terminal.Apply(TicketLifecycleTableTests.SampleAction(kind, terminal, story.Next()), TicketContext.WithinReturnWindow);

            var rejection = result.ShouldBeRejected(TicketRejectionReason.NotAllowedInStatus, $"{kind} on a {how} ticket");
            result.Ticket.Should().BeSameAs(terminal);
            rejection.AllowedActions.Should().BeEmpty();
            rejection.Message.Should().EndWith("which is final. No action is allowed now.");
        }
    }
}
