namespace LiveGrid.Grains.Tickets;

/// <summary>An open ticket that may be the same problem as another: how far apart and how long before.</summary>
public sealed record DuplicateCandidate(string TicketId, string Category, double DistanceMeters, DateTimeOffset ReceivedAt, TicketStatus Status);
