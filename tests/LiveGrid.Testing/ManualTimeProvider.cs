namespace LiveGrid.Testing;

/// <summary>
/// A <see cref="TimeProvider"/> whose clock moves only when a test says so. <see cref="Advance"/> walks
/// time forward timer by timer: each <see cref="ITimer"/> whose due time is reached fires, in due order,
/// on the advancing thread, with the clock set to its due time, so code under test sees the same sequence
/// of instants it would see in real time. Callbacks may create, change or dispose timers (their own too).
/// A timer armed for "now" or earlier fires at once on the thread pool, as a system timer would.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    /// <summary>A Monday at midnight UTC (08:00 in Shanghai): far from DST and month-end surprises.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _lock = new();

    // Serialises advancing threads; re-entrant so a callback may itself advance.
    private readonly Lock _advanceLock = new();
    private readonly List<ManualTimer> _armed = [];
    private readonly List<TimerWaiter> _waiters = [];
    private DateTimeOffset _utcNow;
    private TimeZoneInfo _localTimeZone;
    private long _armSequence;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public ManualTimeProvider(DateTimeOffset start, TimeZoneInfo? localTimeZone = null)
    {
        _utcNow = start.ToUniversalTime();
        _localTimeZone = localTimeZone ?? TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    }

    public override TimeZoneInfo LocalTimeZone
    {
        get
        {
            lock (_lock)
            {
                return _localTimeZone;
            }
        }
    }

    /// <summary>Ticks of <see cref="GetTimestamp"/> are UTC ticks, so elapsed time follows the clock exactly.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>How many timers are armed right now (created or changed with a finite due time, not yet fired or disposed).</summary>
    public int ArmedTimerCount
    {
        get
        {
            lock (_lock)
            {
                return _armed.Count;
            }
        }
    }

    /// <summary>The armed timers, earliest first.</summary>
    public IReadOnlyList<ArmedTimer> ArmedTimers
    {
        get
        {
            lock (_lock)
            {
                return [.. _armed.OrderBy(t => t.Due).ThenBy(t => t.Sequence).Select(t => new ArmedTimer(t.Due, t.Period))];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _utcNow;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public void SetLocalTimeZone(TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        lock (_lock)
        {
            _localTimeZone = timeZone;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Moves the clock forward by <paramref name="delta"/>, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (_advanceLock)
        {
            AdvanceTo(GetUtcNow() + delta);
        }
    }

    /// <summary>Moves the clock forward to <paramref name="target"/> (never back), firing timers on the way.</summary>
    public void AdvanceTo(DateTimeOffset target)
    {
        List<Exception>? failures = null;
        lock (_advanceLock)
        {
            lock (_lock)
            {
                if (target < _utcNow)
                {
                    throw new ArgumentOutOfRangeException(nameof(target), $"The clock only moves forward: it is {_utcNow:O}, asked for {target:O}.");
                }
            }

            while (TryTakeNextDue(target, out var timer))
            {
                try
                {
                    timer.Callback(timer.State);
                }
                catch (Exception ex)
                {
                    // A system timer's exception would crash the process: surface it, but finish the advance first.
                    (failures ??= []).Add(ex);
                }
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("Timer callbacks failed while advancing the manual clock.", failures);
        }
    }

    /// <summary>
    /// Completes once an armed timer satisfies <paramref name="predicate"/>, e.g. once code under test has
    /// re-armed its timer after some asynchronous work, so the next <see cref="Advance"/> is sure to fire it.
    /// </summary>
    public Task WaitForTimerAsync(Func<ArmedTimer, bool> predicate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var waiter = new TimerWaiter(predicate);
        lock (_lock)
        {
            if (_armed.Any(t => predicate(new ArmedTimer(t.Due, t.Period))))
            {
                return Task.CompletedTask;
            }

            _waiters.Add(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_lock)
                {
                    _waiters.Remove(waiter);
                }

                waiter.Completion.TrySetCanceled(cancellationToken);
            });
            waiter.Completion.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Completion.Task;
    }

    /// <summary>Completes once some timer is armed to fire at or before <paramref name="dueBy"/>.</summary>
    public Task WaitForTimerDueByAsync(DateTimeOffset dueBy, CancellationToken cancellationToken = default) =>
        WaitForTimerAsync(t => t.Due <= dueBy, cancellationToken);

    public override string ToString() => $"ManualTimeProvider {GetUtcNow():O}";

    private bool TryTakeNextDue(DateTimeOffset target, out ManualTimer timer)
    {
        lock (_lock)
        {
            ManualTimer? next = null;
            foreach (var candidate in _armed)
            {
                if (candidate.Due <= target && (next is null || candidate.Due < next.Due || (candidate.Due == next.Due && candidate.Sequence < next.Sequence)))
                {
                    next = candidate;
                }
            }

            if (next is null)
            {
                // A callback that advanced further itself may have moved the clock past target already.
                if (target > _utcNow)
                {
                    _utcNow = target;
                }

                timer = null!;
                return false;
            }

            if (next.Due > _utcNow)
            {
                _utcNow = next.Due;
            }

            RearmOrDisarmAfterFiringLocked(next);
            timer = next;
            return true;
        }
    }

    private void RearmOrDisarmAfterFiringLocked(ManualTimer timer)
    {
        if (timer.Period > TimeSpan.Zero)
        {
            timer.Due += timer.Period;
            timer.Sequence = ++_armSequence;
            NotifyWaitersLocked(timer);
        }
        else
        {
            _armed.Remove(timer);
            timer.IsArmed = false;
        }
    }

    /// <summary>Arms (or disarms) <paramref name="timer"/>; true if it must fire at once because it is already due.</summary>
    private bool ChangeLocked(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        if (timer.IsArmed)
        {
            _armed.Remove(timer);
            timer.IsArmed = false;
        }

        timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return false;
        }

        if (dueTime == TimeSpan.Zero)
        {
            // Due now: fire on the thread pool. A periodic timer is armed for its next period.
            if (timer.Period > TimeSpan.Zero)
            {
                ArmLocked(timer, _utcNow + timer.Period);
            }

            return true;
        }

        ArmLocked(timer, _utcNow + dueTime);
        return false;
    }

    private void ArmLocked(ManualTimer timer, DateTimeOffset due)
    {
        timer.Due = due;
        timer.Sequence = ++_armSequence;
        timer.IsArmed = true;
        _armed.Add(timer);
        NotifyWaitersLocked(timer);
    }

    private void NotifyWaitersLocked(ManualTimer timer)
    {
        if (_waiters.Count == 0)
        {
            return;
        }

        var armed = new ArmedTimer(timer.Due, timer.Period);
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Predicate(armed))
            {
                _waiters[i].Completion.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "Due time must be non-negative or infinite.");
        }

        if (period < TimeSpan.Zero && period != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "Period must be non-negative or infinite.");
        }
    }

    private sealed class TimerWaiter(Func<ArmedTimer, bool> predicate)
    {
        public Func<ArmedTimer, bool> Predicate { get; } = predicate;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public TimerCallback Callback { get; } = callback;

        public object? State { get; } = state;

        // The fields below are guarded by the owner's lock.
        public DateTimeOffset Due { get; set; }

        public TimeSpan Period { get; set; }

        public long Sequence { get; set; }

        public bool IsArmed { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Validate(dueTime, period);
            bool fireNow;
            lock (owner._lock)
            {
                if (_disposed)
                {
                    return false;
                }

                fireNow = owner.ChangeLocked(this, dueTime, period);
            }

            if (fireNow)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static s => s.Callback(s.State), this, preferLocal: false);
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
