namespace LiveGrid.Grains.Inspections;

/// <summary>One local day the scheduler has done: how many patrols it created, and when.</summary>
public sealed record ScheduledPatrolDay(DateOnly Day, int Created, DateTimeOffset At);
