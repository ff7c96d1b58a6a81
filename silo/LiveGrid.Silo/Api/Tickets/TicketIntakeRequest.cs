using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>
/// POST /api/tickets: what the operator takes in (受理). Category, priority and kind together classify the ticket in the
/// same step. The time is the server's: a client never dates its own intake.
/// </summary>
public sealed record TicketIntakeRequest(
    ActorRequest? Actor,
    string? Description,
    TicketSource? Source = null,
    string? CallerName = null,
    string? CallerPhone = null,
    string? Address = null,
    double? Longitude = null,
    double? Latitude = null,
    string? GridCode = null,
    string? Category = null,
    Priority? Priority = null,
    RequestKind? Kind = null) : IActorRequest;
