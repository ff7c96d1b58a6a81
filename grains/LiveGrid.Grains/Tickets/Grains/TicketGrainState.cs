using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// What a ticket grain persists: the ticket and its intake, where it is (grid, worker), what was last published
/// (revision, event sequence, aging) and the time-driven bookkeeping (supervision ladder, suspension alerts), plus the
/// outbox of reports not yet delivered. Mutable because the runtime persists it as a whole; never leaves the grain.
/// </summary>
public sealed class TicketGrainState
{
    public Ticket? Ticket { get; set; }

    public TicketIntake? Intake { get; set; }

    public string? GridCode { get; set; }

    public string? AssigneeWorkerId { get; set; }

    public string? SuspectedDuplicateOf { get; set; }

    public List<DuplicateCandidate> DuplicateCandidates { get; set; } = [];

    /// <summary>Evidence photos, oldest first; outside the state machine, so attaching one changes no status or version.</summary>
    public List<EvidencePhoto> Evidence { get; set; } = [];

    /// <summary>Grows with every published change; the summary's <see cref="TicketSummary.Revision"/>.</summary>
    public long Revision { get; set; }

    /// <summary>The sequence of the last event published on "ticket/{id}".</summary>
    public long EventSequence { get; set; }

    /// <summary>The aging as last published (the summary shows this, so it only changes with a revision).</summary>
    public SlaStage? AgingStage { get; set; }

    public DateTimeOffset? Deadline { get; set; }

    public AgingBucket? Bucket { get; set; }

    public bool IsSuspended { get; set; }

    /// <summary>The clock the supervision ladder climbs for ("Resolve@ticks"); a new clock starts a new ladder.</summary>
    public string? LadderClock { get; set; }

    /// <summary>Ladder steps taken on <see cref="LadderClock"/>: 1 reminder, 2 formal notice, 3+ escalations.</summary>
    public int LadderSteps { get; set; }

    public TerritoryLevel EscalatedTo { get; set; } = TerritoryLevel.Grid;

    /// <summary>How many suspensions (counted from the first) have raised their "too long" alert.</summary>
    public int SuspensionAlertsRaised { get; set; }

    /// <summary>Reports written with the change but not yet delivered; retried until they are.</summary>
    public List<PendingReport> Outbox { get; set; } = [];
}
