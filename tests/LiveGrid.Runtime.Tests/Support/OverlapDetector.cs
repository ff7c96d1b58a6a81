namespace LiveGrid.Runtime.Tests.Support;

/// <summary>
/// Counts how many threads are inside a section at once. Grain code wraps its synchronous stretches in
/// <see cref="Enter"/>; a maximum above one proves the grain ran on two threads at the same time.
/// </summary>
public sealed class OverlapDetector
{
    private int _inside;
    private int _maxInside;
    private int _entries;

    public int MaxConcurrency => Volatile.Read(ref _maxInside);

    public int Entries => Volatile.Read(ref _entries);

    public IDisposable Enter()
    {
        var inside = Interlocked.Increment(ref _inside);
        Interlocked.Increment(ref _entries);
        int seen;
        while ((seen = Volatile.Read(ref _maxInside)) < inside && Interlocked.CompareExchange(ref _maxInside, inside, seen) != seen)
        {
        }

        // A little CPU work widens the window in which a second thread would be caught inside.
        Thread.SpinWait(200);
        return new Scope(this);
    }

    private sealed class Scope(OverlapDetector owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._inside);
    }
}
