namespace LiveGrid.Bench.Harness;

/// <summary>Collections and pause time between two points: what a latency tail can be blamed on.</summary>
public readonly record struct GcActivity(int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcActivity Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public GcActivity Since(GcActivity start) =>
        new(Gen0 - start.Gen0, Gen1 - start.Gen1, Gen2 - start.Gen2, Paused - start.Paused);

    public override string ToString() =>
        $"GC meanwhile: {Gen0} gen0 / {Gen1} gen1 / {Gen2} gen2 collections, {Paused.TotalMilliseconds:0} ms paused";
}
