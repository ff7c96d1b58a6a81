using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>The body of POST /api/tickets/{id}/caller/reveal: who asks and why (kept in the audit trail).</summary>
public sealed record CallerRevealRequest(ActorRequest? Actor, string? Reason);
