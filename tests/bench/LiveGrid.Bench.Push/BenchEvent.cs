namespace LiveGrid.Bench.Push;

/// <summary>Of the domain event, only when the grain made the change.</summary>
internal sealed record BenchEvent(DateTimeOffset At);
