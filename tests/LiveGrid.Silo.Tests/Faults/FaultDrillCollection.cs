namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// The fault drills run alone, one after the other: each drives a silo process flat out and measures fail-fast bounds
/// and start times, which other tests sharing the two cores would distort (and be distorted by).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FaultDrillCollection
{
    public const string Name = "Fault drills";
}
