namespace LiveGrid.Bench.Push;

/// <summary>Latencies in 1 ms buckets up to 60 s, recorded lock-free from every client.</summary>
internal sealed class LatencyHistogram
{
    private const int Buckets = 60_000;
    private readonly long[] _counts = new long[Buckets + 1];
    private long _max;

    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds, 0, Buckets);
        Interlocked.Increment(ref _counts[bucket]);
        var rounded = (long)Math.Ceiling(milliseconds);
        long seen;
        while (rounded > (seen = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, rounded, seen) != seen)
        {
        }
    }

    public long Count => _counts.Sum();

    public long Max => Interlocked.Read(ref _max);

    /// <summary>The upper edge of the bucket holding the <paramref name="quantile"/>.</summary>
    public double Percentile(double quantile)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(quantile * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return i + 1;
            }
        }

        return Buckets;
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Interlocked.Exchange(ref _max, 0);
    }
}
