using System.Diagnostics;

namespace LiveGrid.Bench.Grains;

/// <summary>
/// Where timer callbacks record how late they ran (fire time minus due time). Lock-free: one slot per
/// firing, claimed with an interlocked counter, so recording does not perturb what it measures.
/// </summary>
public sealed class TimerFiringLog
{
    private long[] _lateness = [];
    private int _fired;
    private int _expected;
    private TaskCompletionSource _allFired = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Fired => Volatile.Read(ref _fired);

    /// <summary>Completes when <see cref="Reset"/>'s expected number of timers have fired.</summary>
    public Task AllFired => _allFired.Task;

    public void Reset(int expected)
    {
        _lateness = new long[expected];
        _expected = expected;
        _allFired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _fired, 0);
    }

    public void Record(long dueTimestamp)
    {
        var lateness = Stopwatch.GetTimestamp() - dueTimestamp;
        var slot = Interlocked.Increment(ref _fired) - 1;
        if (slot < _lateness.Length)
        {
            _lateness[slot] = lateness;
        }

        if (slot + 1 == _expected)
        {
            _allFired.TrySetResult();
        }
    }

    /// <summary>The lateness of every firing so far, in Stopwatch ticks, sorted.</summary>
    public long[] SortedLateness()
    {
        var copy = _lateness.AsSpan(0, Math.Min(Fired, _lateness.Length)).ToArray();
        Array.Sort(copy);
        return copy;
    }
}
