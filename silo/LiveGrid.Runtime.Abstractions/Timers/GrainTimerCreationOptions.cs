namespace LiveGrid.Runtime.Timers;

/// <summary>
/// How a grain timer runs. <paramref name="Period"/> = <see cref="Timeout.InfiniteTimeSpan"/> fires once.
/// <paramref name="Interleave"/>: the tick may interleave with calls at await points (the grain stays single-threaded).
/// <paramref name="KeepAlive"/>: a tick counts as activity and postpones idle deactivation.
/// </summary>
public readonly record struct GrainTimerCreationOptions(TimeSpan DueTime, TimeSpan Period, bool Interleave = false, bool KeepAlive = false);
