namespace LiveGrid.Silo.Live;

/// <summary>What one "deltas" message carries: everything for a connection since its last frame, scope by scope in order.</summary>
public sealed record DeltaBatch(IReadOnlyList<Delta> Frames, DateTimeOffset SentAt);
