namespace LiveGrid.Bench.Push;

/// <summary>
/// Of a city board frame, only its scope, sequence and "at" (the earliest domain change folded into it); the board,
/// grids and tickets are skipped by the reader, not bound: the dashboards share the server's two cores.
/// </summary>
internal sealed record BenchDelta(string Scope, long Sequence, DateTimeOffset At);
