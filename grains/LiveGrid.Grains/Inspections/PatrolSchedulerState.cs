namespace LiveGrid.Grains.Inspections;

/// <summary>What the <see cref="PatrolSchedulerGrain"/> keeps durable.</summary>
public sealed class PatrolSchedulerState
{
    public bool Started { get; set; }

    /// <summary>The recent days done, oldest first (bounded).</summary>
    public List<ScheduledPatrolDay> Days { get; set; } = [];
}
