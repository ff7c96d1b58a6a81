using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>
/// The body of POST /api/tickets/{id}/{action}: the actor, optionally the version the client saw, and the fields the
/// action needs (the others are ignored). <see cref="Level"/> is a resolution level for resolve and a supervision
/// level for supervise.
/// </summary>
public sealed record TicketActionRequest(
    ActorRequest? Actor,
    int? ExpectedVersion = null,
    string? Note = null,
    string? Reason = null,
    string? UnitId = null,
    IReadOnlyList<string>? HelperUnitIds = null,
    string? ToUnitId = null,
    string? Category = null,
    Priority? Priority = null,
    RequestKind? Kind = null,
    CallbackRating? Rating = null,
    string? Level = null,
    string? Limit = null,
    bool? Approved = null,
    bool? Passed = null,
    ReworkSource? Source = null,
    string? OriginalTicketId = null) : IActorRequest;
