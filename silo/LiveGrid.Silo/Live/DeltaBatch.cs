namespace LiveGrid.Silo.Live;

/// <summary>
/// What one "deltas" message carries: everything for a connection since its last frame, scope by scope in order (the
/// notifier writes it as a <see cref="PreserializedBatch"/> of <see cref="Delta"/> and <see cref="BoardDelta"/> JSON).
/// </summary>
public sealed record DeltaBatch(IReadOnlyList<Delta> Frames, DateTimeOffset SentAt);
