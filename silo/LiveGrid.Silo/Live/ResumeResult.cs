namespace LiveGrid.Silo.Live;

/// <summary>The answer to Resume: the missed deltas when the scope's buffer still reaches back, otherwise a fresh snapshot.</summary>
public sealed record ResumeResult(string Scope, IReadOnlyList<Delta>? Deltas, Snapshot? Snapshot);
