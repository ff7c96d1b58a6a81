using LiveGrid.Grains.Evidence;

namespace LiveGrid.Grains.Tickets;

/// <summary>Everything about one ticket the API shows: the summary, the full ticket, its clocks and what may happen next.</summary>
public sealed record TicketView
{
    public required TicketSummary Summary { get; init; }

    public required Ticket Ticket { get; init; }

    public required TicketIntake Intake { get; init; }

    /// <summary>The SLA clocks that apply (running or met), read at <see cref="ReadAt"/>.</summary>
    public required IReadOnlyList<TicketStageClock> Clocks { get; init; }

    public required IReadOnlyList<TicketActionKind> AllowedActions { get; init; }

    /// <summary>Open tickets that look like the same problem (same category, near in place and time), nearest first.</summary>
    public IReadOnlyList<DuplicateCandidate> DuplicateCandidates { get; init; } = [];

    /// <summary>Evidence photos (before/after), oldest first; fetch each at /api/evidence/{blobName}.</summary>
    public IReadOnlyList<EvidencePhoto> Evidence { get; init; } = [];

    public required DateTimeOffset ReadAt { get; init; }
}
