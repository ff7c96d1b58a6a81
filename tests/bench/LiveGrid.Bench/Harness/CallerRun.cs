namespace LiveGrid.Bench.Harness;

/// <summary>What a set of caller loops did in one measuring window.</summary>
public readonly record struct CallerRun(long Operations, TimeSpan Elapsed, long AllocatedBytes)
{
    public double PerSecond => Operations / Elapsed.TotalSeconds;

    public double MicrosecondsPerOperation => Elapsed.TotalMicroseconds / Operations;

    /// <summary>Bytes allocated by the whole process per operation (the loops dominate it).</summary>
    public double BytesPerOperation => (double)AllocatedBytes / Operations;
}
