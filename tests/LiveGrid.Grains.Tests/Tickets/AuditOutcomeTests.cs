using System.Text.Json;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets;

/// <summary>
/// The audit entry's outcome fields (rating, level, extension decision, verification verdict) are written by the
/// lifecycle as data, absent from entries that have no outcome, and absent from the stored bytes when null, so
/// entries written before the fields existed read back unchanged.
/// </summary>
public sealed class AuditOutcomeTests
{
    [Fact]
    public void Each_outcome_is_on_its_entry_and_only_there()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Accept()
            .RequestExtension().DecideExtension(approved: false, note: "理由不足")
            .RequestExtension().DecideExtension(approved: true)
            .Resolve(ResolutionLevel.Street).CallBack(CallbackRating.Unsatisfied).Rework(ReworkSource.UnsatisfiedCallback)
            .Accept().Resolve(ResolutionLevel.Grid).Verify(passed: false, note: "仍有垃圾");

        var history = story.Ticket.History;
        var outcomes = history.Select(e => (e.Action, e.Rating, e.Level, e.Approved, e.Passed)).ToList();
        outcomes.Where(o => o.Action == TicketActionKind.DecideExtension).Select(o => o.Approved).Should().Equal(false, true);
        outcomes.Where(o => o.Action == TicketActionKind.Resolve).Select(o => o.Level).Should().Equal(ResolutionLevel.Street, ResolutionLevel.Grid);
        outcomes.Single(o => o.Action == TicketActionKind.CallBack).Rating.Should().Be(CallbackRating.Unsatisfied);
        outcomes.Single(o => o.Action == TicketActionKind.Verify).Passed.Should().BeFalse();
        history.Where(e => e.Action is not (TicketActionKind.DecideExtension or TicketActionKind.Resolve or TicketActionKind.CallBack or TicketActionKind.Verify))
            .Should().OnlyContain(e => e.Rating == null && e.Level == null && e.Approved == null && e.Passed == null);
    }

    [Fact]
    public void An_entry_without_an_outcome_is_stored_as_before_and_an_old_entry_reads_back_without_one()
    {
        var story = TicketStory.Received().Classify().Dispatch(Units.Sanitation).Accept().Resolve(ResolutionLevel.Grid);
        var dispatch = story.Ticket.History[2];
        var resolve = story.Ticket.History[^1];

        var dispatchJson = JsonSerializer.Serialize(dispatch, TicketJsonContext.Default.TicketTransition);
        var resolveJson = JsonSerializer.Serialize(resolve, TicketJsonContext.Default.TicketTransition);

        dispatchJson.Should().NotContain("Rating").And.NotContain("Level").And.NotContain("Approved").And.NotContain("Passed");
        resolveJson.Should().Contain("\"Level\":\"Grid\"").And.NotContain("Rating");
        JsonSerializer.Deserialize(resolveJson, TicketJsonContext.Default.TicketTransition).Should().Be(resolve);

        // As an entry was stored before the fields existed: the text only.
        var old = resolveJson.Replace(",\"Level\":\"Grid\"", "", StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(old, TicketJsonContext.Default.TicketTransition)!;
        back.Level.Should().BeNull();
        back.Should().Be(resolve with { Level = null });
        back.Detail.Should().Be($"by {Units.Sanitation} at Grid level");
    }
}
