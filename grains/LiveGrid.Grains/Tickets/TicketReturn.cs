namespace LiveGrid.Grains.Tickets;

/// <summary>A return (退单) by a unit: counted against it in the return rate (退单率).</summary>
public sealed record TicketReturn(string UnitId, string Reason, DateTimeOffset At);
