namespace LiveGrid.Grains.Inspections;

/// <summary>Everything about one inspection.</summary>
public sealed record InspectionView
{
    public required InspectionSummary Summary { get; init; }

    public required InspectionPlan Plan { get; init; }

    public required IReadOnlyList<PassedCheckpoint> Checkpoints { get; init; }

    public required IReadOnlyList<RecordedFinding> Findings { get; init; }

    public string? Note { get; init; }

    /// <summary>Who did what, oldest first.</summary>
    public required IReadOnlyList<InspectionStep> History { get; init; }
}
