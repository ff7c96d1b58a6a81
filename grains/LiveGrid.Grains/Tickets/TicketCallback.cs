namespace LiveGrid.Grains.Tickets;

/// <summary>What the citizen said at callback (回访).</summary>
public sealed record TicketCallback(CallbackRating Rating, string? Note);
