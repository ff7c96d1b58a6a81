namespace LiveGrid.Grains.Tickets;

/// <summary>An extension (延期) the dispatcher approved: it moves the resolve deadline by <see cref="Limit"/>.</summary>
public sealed record ApprovedExtension(
    string Limit,
    string Reason,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    string ApprovedBy,
    DateTimeOffset ApprovedAt,
    string? Note);
