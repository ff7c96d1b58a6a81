using System.Diagnostics;
using LiveGrid.Runtime.Hosting;

namespace LiveGrid.Silo.Testing;

/// <summary>
/// The host's clock for end-to-end tests (only with LiveGrid:Testing:ManualClock=true): it stands still until
/// <see cref="AdvanceSettledAsync"/> moves it. Timers fire in due order, each with the clock at its due time, and after
/// each instant the grain runtime is left to become quiescent before the clock moves on, so reminders and the calls
/// they make happen as they would in real time (the approach of the test kit's ManualTimeProvider and SettledClock,
/// which the silo does not reference).
/// </summary>
public sealed class ControllableClock : TimeProvider
{
    private const int MaxSteps = 100_000;

    private static readonly TimeSpan SettleTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(5);

    private const int QuickLooks = 64;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _advancing = new(1, 1);
    private readonly List<Timer> _armed = [];
    private DateTimeOffset _utcNow;
    private long _armSequence;
    private int _callbacksRunning;

    public ControllableClock(DateTimeOffset start, TimeZoneInfo localTimeZone)
    {
        _utcNow = start.ToUniversalTime();
        LocalTimeZone = localTimeZone;
    }

    public override TimeZoneInfo LocalTimeZone { get; }

    /// <summary>Timestamps are UTC ticks, so elapsed time follows the clock.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new Timer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock to <paramref name="target"/> timer by timer, letting the grains finish each instant's work.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="target"/> is in the past.</exception>
    public async Task<DateTimeOffset> AdvanceSettledAsync(GrainRuntime runtime, DateTimeOffset target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            if (target < GetUtcNow())
            {
                throw new ArgumentOutOfRangeException(nameof(target), $"The clock only moves forward: it is {GetUtcNow():O}.");
            }

            await SettleAsync(runtime, cancellationToken);
            for (var step = 0; step < MaxSteps; step++)
            {
                var next = NextDue(target) ?? target;
                FireUpTo(next);
                await SettleAsync(runtime, cancellationToken);
                if (next >= target && NextDue(target) is null)
                {
                    return GetUtcNow();
                }
            }

            throw new InvalidOperationException($"The clock did not reach {target:O} within {MaxSteps} timer steps: a timer keeps re-arming at or before it.");
        }
        finally
        {
            _advancing.Release();
        }
    }

    private DateTimeOffset? NextDue(DateTimeOffset target)
    {
        lock (_lock)
        {
            DateTimeOffset? next = null;
            foreach (var timer in _armed)
            {
                if (timer.Due <= target && (next is null || timer.Due < next))
                {
                    next = timer.Due;
                }
            }

            return next;
        }
    }

    // Fires every timer due by target in (due, arming) order, the clock set to each one's due time, then sets the clock to target.
    private void FireUpTo(DateTimeOffset target)
    {
        while (true)
        {
            Timer? next = null;
            lock (_lock)
            {
                foreach (var candidate in _armed)
                {
                    if (candidate.Due <= target && (next is null || candidate.Due < next.Due || (candidate.Due == next.Due && candidate.Sequence < next.Sequence)))
                    {
                        next = candidate;
                    }
                }

                if (next is null)
                {
                    if (target > _utcNow)
                    {
                        _utcNow = target;
                    }

                    return;
                }

                if (next.Due > _utcNow)
                {
                    _utcNow = next.Due;
                }

                if (next.Period > TimeSpan.Zero)
                {
                    next.Due += next.Period;
                    next.Sequence = ++_armSequence;
                }
                else
                {
                    _armed.Remove(next);
                    next.IsArmed = false;
                }
            }

            QueueCallback(next);
        }
    }

    /// <summary>
    /// Waits until every fired callback has returned (the runtime's own timer callback hands due work to the grains
    /// before it returns) and the runtime is quiescent. Looks again after a yield first: a long advance takes thousands
    /// of steps, and a poll tick for each would make a day's advance take seconds.
    /// </summary>
    private async Task SettleAsync(GrainRuntime runtime, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var look = 0; !IsSettled(runtime); look++)
        {
            if (Stopwatch.GetElapsedTime(started) > SettleTimeout)
            {
                throw new TimeoutException($"The grain runtime did not become quiescent within {SettleTimeout.TotalSeconds:0} s.");
            }

            if (look < QuickLooks)
            {
                await Task.Yield();
            }
            else
            {
                await Task.Delay(SettlePoll, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs a due timer's callback on the thread pool, as a system timer would (a callback that blocks must not stop the
    /// clock), counted until it returns so settling waits for it.
    /// </summary>
    private void QueueCallback(Timer timer)
    {
        Interlocked.Increment(ref _callbacksRunning);
        ThreadPool.UnsafeQueueUserWorkItem(
            static work =>
            {
                try
                {
                    work.Timer.Callback(work.Timer.State);
                }
                finally
                {
                    Interlocked.Decrement(ref work.Clock._callbacksRunning);
                }
            },
            (Timer: timer, Clock: this),
            preferLocal: false);
    }

    private bool IsSettled(GrainRuntime runtime) => Volatile.Read(ref _callbacksRunning) == 0 && runtime.IsQuiescent;

    private sealed class Timer(ControllableClock owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        // Guarded by the owner's lock.
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; set; }

        public bool IsArmed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var fireNow = false;
            lock (owner._lock)
            {
                if (_disposed)
                {
                    return false;
                }

                if (IsArmed)
                {
                    owner._armed.Remove(this);
                    IsArmed = false;
                }

                Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    fireNow = dueTime <= TimeSpan.Zero;
                    if (!fireNow || Period > TimeSpan.Zero)
                    {
                        Due = owner._utcNow + (fireNow ? Period : dueTime);
                        Sequence = ++owner._armSequence;
                        IsArmed = true;
                        owner._armed.Add(this);
                    }
                }
            }

            if (fireNow)
            {
                owner.QueueCallback(this);
            }

            return true;
        }

        public void Dispose()
        {
            lock (owner._lock)
            {
                _disposed = true;
                if (IsArmed)
                {
                    owner._armed.Remove(this);
                    IsArmed = false;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
