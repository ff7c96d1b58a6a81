namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A refused action: the ticket's status, what was attempted, why not in plain English, and what is allowed now
/// (computed from <see cref="TicketLifecycle.Rules"/> and their guards, never written by hand).
/// </summary>
public sealed record TicketRejection(
    string TicketId,
    TicketStatus Status,
    TicketActionKind Attempted,
    TicketRejectionReason Reason,
    string Message,
    IReadOnlyList<TicketActionKind> AllowedActions);
