using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// What the operator (or a patrol finding) takes in (受理). Classification is optional at intake: when category,
/// priority and kind are all given the ticket is classified in the same step. Location is a point (longitude,
/// latitude, WGS-84) or a grid code; the grain routes it to a grid either way.
/// </summary>
public sealed record TicketIntake
{
    public required TicketActor ReceivedBy { get; init; }

    /// <summary>
    /// When the request came in; null means now. Only trusted callers set it (the demo history, a patrol finding); it
    /// may not lie in the future. The HTTP API never takes it from the client.
    /// </summary>
    public DateTimeOffset? At { get; init; }

    public TicketSource Source { get; init; } = TicketSource.Hotline;

    public string? CallerName { get; init; }

    public string? CallerPhone { get; init; }

    public required string Description { get; init; }

    public string? Address { get; init; }

    public double? Longitude { get; init; }

    public double? Latitude { get; init; }

    /// <summary>A 15-digit grid code when the location is known as a grid (e.g. a patrol finding).</summary>
    public string? GridCode { get; init; }

    public RequestKind? Kind { get; init; }

    public string? Category { get; init; }

    public Priority? Priority { get; init; }

    /// <summary>The inspection this finding came from, for source <see cref="TicketSource.Patrol"/>.</summary>
    public string? InspectionId { get; init; }
}
