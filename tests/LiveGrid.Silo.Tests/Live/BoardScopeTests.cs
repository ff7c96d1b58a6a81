using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Live;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>The city and area scopes' coalescing: what one frame carries of a burst of ticket changes.</summary>
public sealed class BoardScopeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan HalfLife = TimeSpan.FromDays(1);

    [Fact]
    public void A_burst_of_1000_changes_to_50_overdue_tickets_makes_one_frame_with_each_ticket_once_at_its_latest_revision()
    {
        var scope = new BoardScope("city", []);
        // 20 revisions of each of 50 tickets, interleaved as concurrent grains would publish them.
        for (var revision = 1; revision <= 20; revision++)
        {
            for (var n = 0; n < 50; n++)
            {
                scope.Fold(Aging(Summary(n, revision, deadline: T0.AddHours(-1), AgingBucket.Overdue), T0.AddMilliseconds(revision)));
            }
        }

        var frame = scope.Take("city", T0.AddSeconds(1), HalfLife)!;

        frame.Tickets!.Select(t => t.Id).Should().BeEquivalentTo(Enumerable.Range(0, 50).Select(Id), "every overdue ticket is on the overdue list");
        frame.Tickets!.Should().OnlyContain(t => t.Revision == 20 && t.IsOverdue);
        frame.At.Should().Be(T0.AddMilliseconds(1), "a frame's \"at\" is the earliest change folded into it");
        frame.Breaching.Should().BeNull("nothing is a breaching candidate");
        scope.Take("city", T0.AddSeconds(2), HalfLife).Should().BeNull("nothing changed since");
    }

    [Fact]
    public void A_burst_of_1000_changes_to_50_open_tickets_carries_only_the_feed_and_breaching_next_each_once_at_its_latest_revision()
    {
        var scope = new BoardScope("city", []);
        for (var revision = 1; revision <= 20; revision++)
        {
            for (var n = 0; n < 50; n++)
            {
                // Ticket n's deadline is n hours away: 0-12 are breaching next.
                scope.Fold(Aging(Summary(n, revision, deadline: T0.AddHours(n + 1), AgingBucket.Under50), T0.AddMilliseconds(revision)));
            }
        }

        var frame = scope.Take("city", T0.AddSeconds(1), HalfLife)!;

        frame.Breaching.Should().Equal(Enumerable.Range(0, BoardScope.BreachingLength).Select(Id));
        var feed = Enumerable.Range(50 - BoardScope.FeedLength, BoardScope.FeedLength).Select(Id);
        frame.Tickets!.Select(t => t.Id).Should().BeEquivalentTo(frame.Breaching!.Concat(feed), "the breaching list and the last changes, nothing else");
        frame.Tickets!.Should().OnlyContain(t => t.Revision == 20);
        frame.Tickets!.Select(t => t.Id).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_ticket_leaving_the_overdue_list_is_sent_even_when_the_feed_has_moved_on()
    {
        var scope = new BoardScope("city", [Summary(99, 3, T0.AddHours(-2), AgingBucket.Overdue)]);
        scope.Fold(Changed(Summary(99, 4, T0.AddHours(-2), AgingBucket.Overdue) with { Status = TicketStatus.Closed }, T0));
        for (var n = 0; n < 20; n++)
        {
            scope.Fold(Changed(Summary(n, 1, T0.AddHours(n + 1), AgingBucket.Under50) with { IsSuspended = true }, T0.AddSeconds(1)));
        }

        var frame = scope.Take("city", T0.AddSeconds(2), HalfLife)!;

        frame.Tickets!.Should().ContainSingle(t => t.Id == Id(99)).Which.IsOpen.Should().BeFalse();
        frame.Tickets!.Count.Should().Be(BoardScope.FeedLength + 1, "suspended tickets are on no list: only the feed's last ones and the one leaving");
    }

    [Fact]
    public void When_a_member_of_breaching_next_leaves_the_next_candidate_enters_with_its_state_though_it_did_not_change()
    {
        var scope = new BoardScope("city", Enumerable.Range(0, BoardScope.BreachingLength + 1).Select(n => Summary(n, 1, T0.AddHours(n + 1), AgingBucket.Under50)));
        scope.Breaching().Select(t => t.Id).Should().Equal(Enumerable.Range(0, BoardScope.BreachingLength).Select(Id));

        scope.Fold(Changed(Summary(0, 2, T0.AddHours(1), AgingBucket.Under50) with { Status = TicketStatus.Closed }, T0));
        var frame = scope.Take("city", T0.AddSeconds(1), HalfLife)!;

        frame.Breaching.Should().Equal(Enumerable.Range(1, BoardScope.BreachingLength).Select(Id));
        frame.Tickets!.Select(t => t.Id).Should().BeEquivalentTo([Id(0), Id(BoardScope.BreachingLength)]);
        frame.Tickets!.Single(t => t.Id == Id(BoardScope.BreachingLength)).Revision.Should().Be(1);
    }

    [Fact]
    public void A_snapshot_gets_breaching_next_as_the_last_frame_sent_it_even_when_a_member_has_turned_overdue_since()
    {
        var scope = new BoardScope("city", Enumerable.Range(0, 3).Select(n => Summary(n, 1, T0.AddHours(n + 1), AgingBucket.Under50)));
        scope.Fold(Changed(Summary(1, 2, T0.AddHours(2), AgingBucket.Under50) with { Status = TicketStatus.Accepted }, T0));
        scope.Take("city", T0.AddSeconds(1), HalfLife);

        scope.Fold(Aging(Summary(0, 2, T0.AddHours(1), AgingBucket.Overdue), T0.AddSeconds(2)));

        scope.Breaching().Select(t => (t.Id, t.Revision)).Should().Equal((Id(0), 1L), (Id(1), 2L), (Id(2), 1L));
        var next = scope.Take("city", T0.AddSeconds(3), HalfLife)!;
        next.Breaching.Should().Equal(Id(1), Id(2));
        next.Tickets!.Should().ContainSingle().Which.IsOverdue.Should().BeTrue();
        scope.Breaching().Select(t => t.Id).Should().Equal(Id(1), Id(2));
    }

    [Fact]
    public void An_older_revision_arriving_late_does_not_replace_the_newer_one()
    {
        var scope = new BoardScope("city", []);
        scope.Fold(Changed(Summary(1, 5, T0.AddHours(1), AgingBucket.Under50), T0.AddSeconds(1)));
        scope.Fold(Changed(Summary(1, 4, T0.AddHours(1), AgingBucket.Under50), T0));

        var frame = scope.Take("city", T0.AddSeconds(2), HalfLife)!;

        frame.Tickets!.Should().ContainSingle().Which.Revision.Should().Be(5);
        frame.At.Should().Be(T0, "the late event was still a change folded into the frame");
    }

    private static string Id(int n) => $"20261123-{n:D6}";

    private static TicketSummary Summary(int n, long revision, DateTimeOffset deadline, AgingBucket bucket) => new()
    {
        Id = Id(n),
        Version = (int)revision,
        Revision = revision,
        Status = TicketStatus.Dispatched,
        Source = TicketSource.Hotline,
        GridCode = "110101001001001",
        Title = $"第{n}号楼前暴露垃圾",
        ReceivedAt = T0.AddDays(-1),
        LastChangedAt = T0,
        AgingStage = SlaStage.Accept,
        Deadline = deadline,
        Bucket = bucket,
    };

    private static TicketAgingChanged Aging(TicketSummary summary, DateTimeOffset at) =>
        new(summary, SlaStage.Accept, summary.Bucket!.Value, summary.Deadline!.Value) { Stream = $"ticket/{summary.Id}", Sequence = summary.Revision, At = at };

    private static TicketChanged Changed(TicketSummary summary, DateTimeOffset at) =>
        new(summary, new TicketTransition(1, at, new TicketActor("op1", ActorRole.HotlineOperator, "话务员"), TicketStatus.Dispatched, summary.Status, TicketActionKind.Dispatch, null, null))
        {
            Stream = $"ticket/{summary.Id}",
            Sequence = summary.Revision,
            At = at,
        };
}
