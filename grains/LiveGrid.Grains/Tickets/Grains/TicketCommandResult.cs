namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The answer to an action on a ticket grain. Applied: the new view. Rejected: the rejection (status, reason, what is
/// allowed now) and the unchanged view. <see cref="VersionConflict"/> is set when the caller's expected version was stale.
/// </summary>
public sealed record TicketCommandResult
{
    public required bool Applied { get; init; }

    public TicketView? View { get; init; }

    public TicketRejection? Rejection { get; init; }

    /// <summary>The caller acted on version N but the ticket is at another version: someone else acted first.</summary>
    public bool VersionConflict { get; init; }

    /// <summary>True when the ticket does not exist.</summary>
    public bool NotFound { get; init; }
}
