using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>POST /api/inspections/{id}/check-in: the worker is at the grid, optionally where.</summary>
public sealed record CheckInRequest(ActorRequest? Actor, double? Longitude = null, double? Latitude = null) : IActorRequest;
