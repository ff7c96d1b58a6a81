using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// A problem found on patrol. It becomes a ticket in the grid (source 巡查). <see cref="ResolvedOnSpot"/> means the worker
/// fixed it there (即办): the ticket is received, dispatched to the grid, accepted and resolved at once.
/// </summary>
public sealed record PatrolFinding
{
    public required string Category { get; init; }

    public required string Description { get; init; }

    public Priority Priority { get; init; } = Priority.Normal;

    public RequestKind Kind { get; init; } = RequestKind.Report;

    public double? Longitude { get; init; }

    public double? Latitude { get; init; }

    public string? Address { get; init; }

    public bool ResolvedOnSpot { get; init; }

    /// <summary>What was done on the spot; required when <see cref="ResolvedOnSpot"/>.</summary>
    public string? Resolution { get; init; }
}
