namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>One grain timer tick as the callback saw it: when (runtime clock), and whether a call was
/// mid-turn or the same timer's previous tick was still running at that moment.</summary>
public sealed record TickRecord(string GrainKey, string Timer, int Number, DateTimeOffset At, bool DuringCall, bool WhilePreviousTickRan);
