namespace LiveGrid.Grains.Workers;

/// <summary>A grid worker now: duty, current assignments and workload.</summary>
public sealed record WorkerView
{
    public required string WorkerId { get; init; }

    public string? Name { get; init; }

    public string? GridCode { get; init; }

    public required bool OnDuty { get; init; }

    public DateTimeOffset? DutyChangedAt { get; init; }

    /// <summary>Open tickets assigned to the worker, next deadline first.</summary>
    public required IReadOnlyList<Tickets.TicketSummary> Assignments { get; init; }

    /// <summary>Open inspections (scheduled or started) of the worker.</summary>
    public required IReadOnlyList<Inspections.InspectionSummary> Inspections { get; init; }

    public int OverdueAssignments => Assignments.Count(a => a.IsOverdue);

    /// <summary>The last feed sequence number.</summary>
    public required long FeedSequence { get; init; }
}
