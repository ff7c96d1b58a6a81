namespace LiveGrid.Grains.Inspections;

public sealed record PassedCheckpoint(string Name, DateTimeOffset At, string? Note);
