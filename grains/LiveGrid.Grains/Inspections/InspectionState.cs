using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Inspections;

/// <summary>What an <see cref="InspectionGrain"/> keeps durable. No plan: the inspection does not exist.</summary>
public sealed class InspectionState
{
    public InspectionPlan? Plan { get; set; }

    public InspectionStatus Status { get; set; }

    public int Version { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Who checked in: the worker a finding fixed on the spot (即办) is resolved by.</summary>
    public Tickets.TicketActor? StartedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public List<PassedCheckpoint> Checkpoints { get; set; } = [];

    public List<RecordedFinding> Findings { get; set; } = [];

    public string? Note { get; set; }

    public bool? Passed { get; set; }

    public TerritoryLevel? EscalatedTo { get; set; }

    public List<LiveGrid.Grains.Evidence.EvidencePhoto> Evidence { get; set; } = [];

    public List<InspectionStep> History { get; set; } = [];

    /// <summary>Whether the worker was told of the inspection (so a repeated Schedule after a failure tells them once).</summary>
    public bool WorkerNotified { get; set; }

    /// <summary>Whether the worker was told the inspection was missed.</summary>
    public bool MissNotified { get; set; }

    public long EventSequence { get; set; }
}
