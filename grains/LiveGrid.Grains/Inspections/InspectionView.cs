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
    /// <summary>Evidence photos, oldest first; fetch each at /api/evidence/{blobName}.</summary>
    public IReadOnlyList<LiveGrid.Grains.Evidence.EvidencePhoto> Evidence { get; init; } = [];

    public required IReadOnlyList<InspectionStep> History { get; init; }
}
