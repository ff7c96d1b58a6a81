namespace LiveGrid.Grains.Inspections;

/// <summary>A finding as the inspection keeps it: what was found and the ticket it became.</summary>
public sealed record RecordedFinding(PatrolFinding Finding, string TicketId, DateTimeOffset At);
