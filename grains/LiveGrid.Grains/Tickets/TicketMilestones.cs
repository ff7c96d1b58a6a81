namespace LiveGrid.Grains.Tickets;

/// <summary>
/// When the ticket reached each milestone (UTC). Dispatch keeps the first and the latest time. The others belong to the
/// current handling round: a transfer, return or rework starts a new round and clears what lies ahead of it (accepted,
/// on site, and for a rework resolved and called back), so a time here is never one the current status has not passed.
/// Earlier rounds stay in <see cref="Ticket.History"/>.
/// </summary>
public sealed record TicketMilestones(
    DateTimeOffset ReceivedAt,
    DateTimeOffset? FirstDispatchedAt = null,
    DateTimeOffset? LatestDispatchedAt = null,
    DateTimeOffset? AcceptedAt = null,
    DateTimeOffset? OnSiteAt = null,
    DateTimeOffset? ResolvedAt = null,
    DateTimeOffset? CalledBackAt = null,
    DateTimeOffset? ClosedAt = null)
{
    /// <summary>A new handling round starts at a (re-)dispatch: nothing after dispatch has happened in it yet.</summary>
    internal TicketMilestones NewRound(DateTimeOffset dispatchedAt) => this with
    {
        FirstDispatchedAt = FirstDispatchedAt ?? dispatchedAt,
        LatestDispatchedAt = dispatchedAt,
        AcceptedAt = null,
        OnSiteAt = null,
        ResolvedAt = null,
        CalledBackAt = null,
    };
}
