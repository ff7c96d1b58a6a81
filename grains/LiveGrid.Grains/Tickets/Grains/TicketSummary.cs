using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A ticket as lists, grids and boards count it: small, flat and additive. <see cref="Version"/> is the ticket's
/// audit-trail length (what a caller passes as the expected version); <see cref="Revision"/> grows with every
/// published change, including time-driven ones (aging, supervision) that add no transition, so a consumer keeps
/// the summary with the highest revision it has seen and ignores older ones.
/// </summary>
public sealed record TicketSummary
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    /// <summary>Grows with every published change of this ticket; the order consumers keep summaries by.</summary>
    public required long Revision { get; init; }

    public required TicketStatus Status { get; init; }

    public required TicketSource Source { get; init; }

    public string? Category { get; init; }

    public Priority? Priority { get; init; }

    public RequestKind? Kind { get; init; }

    /// <summary>The grid the ticket belongs to (属地), or null when it could not be located.</summary>
    public string? GridCode { get; init; }

    public string? Address { get; init; }

    public double? Longitude { get; init; }

    public double? Latitude { get; init; }

    /// <summary>The description, shortened for lists.</summary>
    public required string Title { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required DateTimeOffset LastChangedAt { get; init; }

    public string? LeadUnitId { get; init; }

    /// <summary>The grid worker the ticket is with, when its unit is a grid.</summary>
    public string? AssigneeWorkerId { get; init; }

    /// <summary>The clock the board ages the ticket by (dispatch before dispatch, resolve after, call-back once resolved); null when terminal.</summary>
    public SlaStage? AgingStage { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public AgingBucket? Bucket { get; init; }

    public bool IsSuspended { get; init; }

    /// <summary>The highest supervision step so far, or null.</summary>
    public SupervisionLevel? Supervision { get; init; }

    /// <summary>How far up the territory the overdue ticket has been escalated (Grid when not escalated).</summary>
    public Territory.TerritoryLevel? EscalatedTo { get; init; }

    /// <summary>When the current round was resolved (办结), and whether by its resolve deadline.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public bool? ResolvedOnTime { get; init; }

    /// <summary>The callback's rating (评价) of the current round, and when.</summary>
    public CallbackRating? Rating { get; init; }

    public DateTimeOffset? CalledBackAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? SuspectedDuplicateOf { get; init; }

    public string? MergedInto { get; init; }

    public bool IsOpen => !TicketLifecycle.IsTerminal(Status);

    public bool IsOverdue => Bucket == AgingBucket.Overdue;
}
