namespace LiveGrid.Grains.Boards;

/// <summary>One line of a grid's "recent events" list.</summary>
public sealed record RecentEvent(DateTimeOffset At, string Kind, string Subject, string Text);
