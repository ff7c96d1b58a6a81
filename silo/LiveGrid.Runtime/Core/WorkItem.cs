namespace LiveGrid.Runtime.Core;

/// <summary>A callback posted to an activation: a turn start or an await continuation.</summary>
internal readonly record struct WorkItem(SendOrPostCallback Callback, object? State);
