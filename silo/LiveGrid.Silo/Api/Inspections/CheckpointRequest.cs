using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>POST /api/inspections/{id}/checkpoint: a place passed on the patrol.</summary>
public sealed record CheckpointRequest(ActorRequest? Actor, string? Checkpoint, string? Note = null) : IActorRequest;
