namespace LiveGrid.Grains.Inspections;

/// <summary>Where the city's patrol scheduling stands: whether the daily reminder runs, and the days already scheduled.</summary>
public sealed record PatrolSchedulerStatus
{
    public required bool Started { get; init; }

    public DateOnly? LastScheduledDay { get; init; }

    /// <summary>The recent days scheduled (newest last) with how many inspections each created.</summary>
    public required IReadOnlyList<ScheduledPatrolDay> Days { get; init; }
}
