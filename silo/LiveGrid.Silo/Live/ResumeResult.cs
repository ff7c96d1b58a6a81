namespace LiveGrid.Silo.Live;

/// <summary>
/// The answer to Resume: the missed deltas (event deltas or board frames, as they were sent) when the scope's buffer
/// still reaches back, otherwise a fresh snapshot.
/// </summary>
public sealed record ResumeResult(string Scope, IReadOnlyList<PreserializedDelta>? Deltas, Snapshot? Snapshot);
