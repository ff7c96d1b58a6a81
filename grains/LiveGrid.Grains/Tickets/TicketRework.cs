namespace LiveGrid.Grains.Tickets;

/// <summary>A rework (重办/返工), counted against the unit that had resolved the ticket (返工率).</summary>
public sealed record TicketRework(string UnitId, ReworkSource Source, string Reason, DateTimeOffset At);
