namespace LiveGrid.Grains.Tickets;

/// <summary>On an original ticket: a duplicate that was merged into it (合并).</summary>
public sealed record MergedDuplicate(string TicketId, DateTimeOffset At);
