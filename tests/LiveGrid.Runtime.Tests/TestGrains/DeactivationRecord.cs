namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>What a grain saw in OnDeactivateAsync: why, and when by the runtime's clock.</summary>
public sealed record DeactivationRecord(GrainId GrainId, DeactivationReason Reason, DateTimeOffset At);
