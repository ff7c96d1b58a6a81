using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>
/// POST /api/tickets/{id}/verification: schedule a 核查 of a resolved ticket. Without a worker the grid's leader goes;
/// the window opens now and lasts <see cref="WindowHours"/> (24 by default).
/// </summary>
public sealed record VerificationRequest(ActorRequest? Actor, string? WorkerId = null, int? WindowHours = null) : IActorRequest;
