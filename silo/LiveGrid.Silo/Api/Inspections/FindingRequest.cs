using LiveGrid.Grains.Sla;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>POST /api/inspections/{id}/finding: a problem found on patrol; it becomes a ticket (fixed on the spot: 即办).</summary>
public sealed record FindingRequest(
    ActorRequest? Actor,
    string? Category,
    string? Description,
    Priority? Priority = null,
    RequestKind? Kind = null,
    double? Longitude = null,
    double? Latitude = null,
    string? Address = null,
    bool ResolvedOnSpot = false,
    string? Resolution = null) : IActorRequest;
