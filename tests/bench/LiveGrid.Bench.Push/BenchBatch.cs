namespace LiveGrid.Bench.Push;

/// <summary>What a headless dashboard reads of a "deltas" message: each delta's scope, sequence and event time (the rest is skipped).</summary>
internal sealed record BenchBatch(IReadOnlyList<BenchDelta> Frames, DateTimeOffset SentAt);
