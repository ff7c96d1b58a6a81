namespace LiveGrid.Grains.Tickets;

/// <summary>A supervision (督办) of the ticket: who pressed, how firmly, and what they said.</summary>
public sealed record TicketSupervision(SupervisionLevel Level, string Note, TicketActor By, DateTimeOffset At);
