namespace LiveGrid.Bench.Push;

/// <summary>What a headless dashboard reads of a "deltas" message: each frame's scope, sequence and earliest change (the rest is skipped).</summary>
internal sealed record BenchBatch(IReadOnlyList<BenchDelta> Frames, DateTimeOffset SentAt);
