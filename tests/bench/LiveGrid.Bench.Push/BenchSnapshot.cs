namespace LiveGrid.Bench.Push;

/// <summary>Of the snapshot, only the sequence the deltas continue from.</summary>
internal sealed record BenchSnapshot(string Scope, long Sequence);
