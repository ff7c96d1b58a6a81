namespace LiveGrid.Bench.Push;

internal sealed record BenchDelta(string Scope, long Sequence, BenchEvent Event);
