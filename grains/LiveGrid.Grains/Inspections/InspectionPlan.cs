namespace LiveGrid.Grains.Inspections;

/// <summary>
/// What to inspect, by whom and when. A patrol covers <see cref="Checkpoints"/> of one grid in its window; a
/// verification (<see cref="TicketId"/> set) checks one resolved ticket.
/// </summary>
public sealed record InspectionPlan
{
    public required InspectionKind Kind { get; init; }

    public required string GridCode { get; init; }

    public required string WorkerId { get; init; }

    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>For a verification: the ticket to check.</summary>
    public string? TicketId { get; init; }

    /// <summary>Places to pass on a patrol (e.g. "东门", "3号楼"); may be empty.</summary>
    public IReadOnlyList<string> Checkpoints { get; init; } = [];

    /// <summary>The shift's name, e.g. "早班", for staggered shifts (错时工作制).</summary>
    public string? Shift { get; init; }
}
