using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Boards;

/// <summary>
/// What the command board counts for one grid or area. Every field is additive, so an area's counters are the sum of
/// its children's. "Today" is the city's local date <see cref="Day"/>; counters of another day are not added.
/// </summary>
public sealed record BoardCounters
{
    public static BoardCounters Empty(DateOnly day) => new() { Day = day };

    /// <summary>The local date the "today" counters belong to.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Open (non-terminal) tickets.</summary>
    public int Open { get; init; }

    /// <summary>Open tickets per status.</summary>
    public IReadOnlyDictionary<TicketStatus, int> ByStatus { get; init; } = new Dictionary<TicketStatus, int>();

    /// <summary>Open tickets per aging bucket of their aging clock.</summary>
    public AgingCounts Aging { get; init; } = AgingCounts.Zero;

    public int Overdue => Aging.Overdue;

    /// <summary>Open tickets whose clock is stopped (停止计时).</summary>
    public int Suspended { get; init; }

    /// <summary>Open tickets under supervision (督办) of any step.</summary>
    public int Supervised { get; init; }

    /// <summary>Open tickets escalated above the grid.</summary>
    public int Escalated { get; init; }

    public int ReceivedToday { get; init; }

    /// <summary>Tickets resolved (办结) today, and how many of those by their resolve deadline.</summary>
    public int ResolvedToday { get; init; }

    public int ResolvedOnTimeToday { get; init; }

    public int ClosedToday { get; init; }

    /// <summary>Callbacks today, and how many rated satisfied or basically satisfied.</summary>
    public int RatedToday { get; init; }

    public int SatisfiedToday { get; init; }

    public int PatrolsScheduledToday { get; init; }

    public int PatrolsCompletedToday { get; init; }

    public int PatrolsMissedToday { get; init; }

    public int FindingsToday { get; init; }

    /// <summary>Sums two counters of the same day; a counter of another day counts only its live (non-"today") fields.</summary>
    public BoardCounters Add(BoardCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var sameDay = other.Day == Day;
        var byStatus = new Dictionary<TicketStatus, int>(ByStatus);
        foreach (var (status, count) in other.ByStatus)
        {
            byStatus[status] = byStatus.GetValueOrDefault(status) + count;
        }

        return this with
        {
            Open = Open + other.Open,
            ByStatus = byStatus,
            Aging = Aging.Add(other.Aging),
            Suspended = Suspended + other.Suspended,
            Supervised = Supervised + other.Supervised,
            Escalated = Escalated + other.Escalated,
            ReceivedToday = ReceivedToday + (sameDay ? other.ReceivedToday : 0),
            ResolvedToday = ResolvedToday + (sameDay ? other.ResolvedToday : 0),
            ResolvedOnTimeToday = ResolvedOnTimeToday + (sameDay ? other.ResolvedOnTimeToday : 0),
            ClosedToday = ClosedToday + (sameDay ? other.ClosedToday : 0),
            RatedToday = RatedToday + (sameDay ? other.RatedToday : 0),
            SatisfiedToday = SatisfiedToday + (sameDay ? other.SatisfiedToday : 0),
            PatrolsScheduledToday = PatrolsScheduledToday + (sameDay ? other.PatrolsScheduledToday : 0),
            PatrolsCompletedToday = PatrolsCompletedToday + (sameDay ? other.PatrolsCompletedToday : 0),
            PatrolsMissedToday = PatrolsMissedToday + (sameDay ? other.PatrolsMissedToday : 0),
            FindingsToday = FindingsToday + (sameDay ? other.FindingsToday : 0),
        };
    }
}
