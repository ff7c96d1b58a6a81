using Microsoft.Extensions.Logging;

namespace LiveGrid.Runtime.Scheduling;

/// <summary>
/// One min-heap of due times driven by a single <see cref="ITimer"/> from the <see cref="TimeProvider"/>,
/// armed for the earliest item only. Every grain timer, reminder and collection sweep shares one queue;
/// call timeouts use a second one so their churn stays off the big heap. No per-grain OS timer exists.
/// </summary>
internal sealed class TimerQueue : IDisposable
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _timer;
    private readonly Lock _lock = new();
    private ScheduledItem[] _heap = new ScheduledItem[256];
    private int _count;
    private long _armedDue = long.MaxValue;
    private bool _disposed;

    public TimerQueue(TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static s => ((TimerQueue)s!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public long NowTicks => _time.GetUtcNow().UtcTicks;

    /// <summary>Arms <paramref name="item"/> (re-arms it if already armed) for <paramref name="dueTicks"/> (UTC ticks).</summary>
    public void Schedule(ScheduledItem item, long dueTicks)
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            if (item.HeapIndex >= 0)
            {
                RemoveAt(item.HeapIndex);
            }

            item.DueTicks = dueTicks;
            if (_count == _heap.Length)
            {
                Array.Resize(ref _heap, _heap.Length * 2);
            }

            _heap[_count] = item;
            item.HeapIndex = _count;
            _count++;
            SiftUp(item.HeapIndex);
            if (dueTicks < _armedDue)
            {
                ArmLocked(dueTicks);
            }
        }
    }

    /// <summary>Disarms <paramref name="item"/>; a no-op if it is not armed. Returns whether it was armed.</summary>
    public bool Cancel(ScheduledItem item)
    {
        lock (_lock)
        {
            if (item.HeapIndex < 0)
            {
                return false;
            }

            RemoveAt(item.HeapIndex);
            return true;
        }
    }

    private void Fire()
    {
        // Pop under the lock, run outside it: an item's OnDue may schedule again.
        ScheduledItem? single = null;
        List<ScheduledItem>? many = null;
        long now;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            now = NowTicks;
            while (_count > 0 && _heap[0].DueTicks <= now)
            {
                var item = _heap[0];
                RemoveAt(0);
                if (single is null)
                {
                    single = item;
                }
                else
                {
                    (many ??= []).Add(item);
                }
            }

            _armedDue = long.MaxValue;
            if (_count > 0)
            {
                ArmLocked(_heap[0].DueTicks);
            }
        }

        if (single is not null)
        {
            Run(single, now);
        }

        if (many is not null)
        {
            foreach (var item in many)
            {
                Run(item, now);
            }
        }
    }

    private void Run(ScheduledItem item, long now)
    {
        try
        {
            item.OnDue(now);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A scheduled item of type {ItemType} failed when due", item.GetType().Name);
        }
    }

    private void ArmLocked(long dueTicks)
    {
        _armedDue = dueTicks;
        var delay = dueTicks - NowTicks;
        _timer.Change(delay <= 0 ? TimeSpan.Zero : TimeSpan.FromTicks(delay), Timeout.InfiniteTimeSpan);
    }

    private void RemoveAt(int index)
    {
        var removed = _heap[index];
        removed.HeapIndex = -1;
        _count--;
        if (index == _count)
        {
            _heap[_count] = null!;
            return;
        }

        var last = _heap[_count];
        _heap[_count] = null!;
        _heap[index] = last;
        last.HeapIndex = index;
        if (index > 0 && last.DueTicks < _heap[(index - 1) >> 1].DueTicks)
        {
            SiftUp(index);
        }
        else
        {
            SiftDown(index);
        }
    }

    private void SiftUp(int index)
    {
        var item = _heap[index];
        while (index > 0)
        {
            var parentIndex = (index - 1) >> 1;
            var parent = _heap[parentIndex];
            if (parent.DueTicks <= item.DueTicks)
            {
                break;
            }

            _heap[index] = parent;
            parent.HeapIndex = index;
            index = parentIndex;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }

    private void SiftDown(int index)
    {
        var item = _heap[index];
        while (true)
        {
            var child = (index << 1) + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _heap[child + 1].DueTicks < _heap[child].DueTicks)
            {
                child++;
            }

            if (item.DueTicks <= _heap[child].DueTicks)
            {
                break;
            }

            _heap[index] = _heap[child];
            _heap[index].HeapIndex = index;
            index = child;
        }

        _heap[index] = item;
        item.HeapIndex = index;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            for (var i = 0; i < _count; i++)
            {
                _heap[i].HeapIndex = -1;
                _heap[i] = null!;
            }

            _count = 0;
        }

        _timer.Dispose();
    }
}
