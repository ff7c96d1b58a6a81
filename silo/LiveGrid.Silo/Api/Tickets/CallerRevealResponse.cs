using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>The caller unmasked, and the audit entry that records who saw it, when and why.</summary>
public sealed record CallerRevealResponse(string TicketId, string? CallerName, string? CallerPhone, TicketTransition AuditEntry);
