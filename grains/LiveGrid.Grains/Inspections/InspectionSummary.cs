namespace LiveGrid.Grains.Inspections;

/// <summary>An inspection as its grid and the board count it. <see cref="Version"/> grows with every change.</summary>
public sealed record InspectionSummary
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required InspectionKind Kind { get; init; }

    public required InspectionStatus Status { get; init; }

    public required string GridCode { get; init; }

    public required string WorkerId { get; init; }

    public string? Shift { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public int CheckpointsPassed { get; init; }

    public int CheckpointsPlanned { get; init; }

    public int Findings { get; init; }

    /// <summary>For a verification: the ticket and, once completed, whether it passed.</summary>
    public string? TicketId { get; init; }

    public bool? Passed { get; init; }

    /// <summary>Set when a missed inspection was escalated (to the grid's community), like an overdue ticket.</summary>
    public Territory.TerritoryLevel? EscalatedTo { get; init; }
}
