namespace LiveGrid.Grains.Tests.Demo;

/// <summary>
/// Tests that load hundreds of tickets run alone, after the parallel ones: on a 2-core machine they would otherwise
/// starve the timing-sensitive tests (reminders awaited within Eventually's real-time limit).
/// </summary>
[CollectionDefinition(nameof(HeavyLoadCollection), DisableParallelization = true)]
public sealed class HeavyLoadCollection;
