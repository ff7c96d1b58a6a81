namespace LiveGrid.Grains.Tickets;

/// <summary>How the unit resolved the ticket (办结), at which level, and which unit it was.</summary>
public sealed record TicketResolution(string Note, ResolutionLevel Level, string UnitId);
