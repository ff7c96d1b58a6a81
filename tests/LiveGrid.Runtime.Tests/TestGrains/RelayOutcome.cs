namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>The relayed result, and whether the code after the await ran in the same context as the code before it.</summary>
public sealed record RelayOutcome(int Result, bool SameSynchronizationContext, bool SameTaskScheduler);
