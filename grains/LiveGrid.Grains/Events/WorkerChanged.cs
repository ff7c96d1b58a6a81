namespace LiveGrid.Grains.Events;

/// <summary>A worker went on or off duty, or their workload changed.</summary>
public sealed record WorkerChanged(string WorkerId, bool OnDuty, int OpenAssignments, int OverdueAssignments) : DomainEvent;
