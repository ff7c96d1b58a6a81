namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The result of a verification patrol (核查) of the current resolution. A pass closes the ticket; a failure holds it
/// in Resolved until it is sent to rework, which clears this.
/// </summary>
public sealed record TicketVerification(bool Passed, string? Note, string InspectorId, DateTimeOffset At);
