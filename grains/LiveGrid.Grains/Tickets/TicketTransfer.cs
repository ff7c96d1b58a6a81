namespace LiveGrid.Grains.Tickets;

/// <summary>A transfer (转办) from one lead unit to another.</summary>
public sealed record TicketTransfer(string FromUnitId, string ToUnitId, string Reason, DateTimeOffset At);
