using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Inspections;

/// <summary>POST /api/inspections/{id}/complete. <see cref="Passed"/> is the verdict of a verification (核查).</summary>
public sealed record CompleteRequest(ActorRequest? Actor, string? Note = null, bool? Passed = null) : IActorRequest;
