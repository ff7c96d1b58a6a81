namespace LiveGrid.Grains.Tickets.Privacy;

/// <summary>The citizen who called, unmasked: only ever returned by an explicit, audited reveal.</summary>
public sealed record TicketCaller(string? Name, string? Phone);
