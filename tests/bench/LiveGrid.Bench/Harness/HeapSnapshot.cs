namespace LiveGrid.Bench.Harness;

/// <summary>
/// The managed heap after full, compacting, blocking collections (finalizers run in between), so what
/// is left is what something still references.
/// </summary>
public readonly record struct HeapSnapshot(long TotalMemory, long HeapSize)
{
    public static HeapSnapshot Take()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        var total = GC.GetTotalMemory(forceFullCollection: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new HeapSnapshot(total, info.HeapSizeBytes);
    }

    public static HeapSnapshot operator -(HeapSnapshot after, HeapSnapshot before) =>
        new(after.TotalMemory - before.TotalMemory, after.HeapSize - before.HeapSize);
}
