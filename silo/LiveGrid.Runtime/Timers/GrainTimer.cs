using LiveGrid.Runtime.Core;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Runtime.Timers;

/// <summary>
/// A grain timer. It lives in the runtime's shared <see cref="Scheduling.TimerQueue"/>; when due it asks its
/// activation for a turn, and only when that turn's task has completed does it arm the next period, so a tick
/// never overlaps a call (unless interleaving) nor itself. The timer object is reused for every tick.
/// </summary>
internal sealed class GrainTimer<TState> : TurnItem, IGrainTimer, IGrainTimerControl
{
    private readonly ActivationData _activation;
    private readonly GrainRuntimeCore _runtime;
    private readonly Func<TState, CancellationToken, Task> _callback;
    private readonly TState _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private TimeSpan _period;
    private long _rearmAtTicks = -1;
    private bool _tickInProgress;
    private bool _stopped;

    public GrainTimer(ActivationData activation, GrainRuntimeCore runtime, Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        Validate(options.DueTime, options.Period);
        _activation = activation;
        _runtime = runtime;
        _callback = callback;
        _state = state;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _period = options.Period;
        _rearmAtTicks = runtime.NowTicks + options.DueTime.Ticks;
    }

    internal override bool Interleave => _interleave;

    internal override bool KeepsAlive => _keepAlive;

    internal void Start()
    {
        _runtime.Metrics.TimersArmed.Add(1);
        lock (this)
        {
            var due = _rearmAtTicks;
            _rearmAtTicks = -1;
            _runtime.Timers.Schedule(this, due);
        }
    }

    internal override void OnDue(long nowTicks)
    {
        lock (this)
        {
            if (_stopped || _tickInProgress)
            {
                return;
            }

            _tickInProgress = true;
        }

        if (!_activation.TryAccept(this))
        {
            Stop();
        }
    }

    internal override Task Execute(ActivationData activation) => _callback(_state, _runtime.StoppingToken);

    internal override void Complete(ActivationData activation, Task? turn)
    {
        if (turn is { IsFaulted: true })
        {
            _runtime.Logger.LogWarning(turn.Exception!.GetBaseException(), "Timer callback of {GrainId} failed", activation.GrainId);
        }

        bool stopped;
        lock (this)
        {
            _tickInProgress = false;
            if (_stopped)
            {
                return;
            }

            stopped = false;
            if (_rearmAtTicks >= 0)
            {
                // Change() was called during the tick: its due time wins.
                _runtime.Timers.Schedule(this, _rearmAtTicks);
                _rearmAtTicks = -1;
            }
            else if (_period != Timeout.InfiniteTimeSpan)
            {
                _runtime.Timers.Schedule(this, _runtime.NowTicks + _period.Ticks);
            }
            else
            {
                stopped = StopLocked();
            }
        }

        if (stopped)
        {
            _activation.RemoveTimer(this);
        }
    }

    internal override void Reject(Exception reason) => Stop();

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        Validate(dueTime, period);
        lock (this)
        {
            if (_stopped)
            {
                throw new ObjectDisposedException(nameof(IGrainTimer), "The timer was disposed or its grain deactivated.");
            }

            _period = period;
            var due = _runtime.NowTicks + dueTime.Ticks;
            if (_tickInProgress)
            {
                _rearmAtTicks = due;
            }
            else
            {
                _runtime.Timers.Schedule(this, due);
            }
        }
    }

    public void Stop()
    {
        bool stopped;
        lock (this)
        {
            stopped = StopLocked();
        }

        // Outside our lock: the activation takes its own lock, and deactivation stops timers while holding it.
        if (stopped)
        {
            _activation.RemoveTimer(this);
        }
    }

    private bool StopLocked()
    {
        if (_stopped)
        {
            return false;
        }

        _stopped = true;
        _runtime.Timers.Cancel(this);
        _runtime.Metrics.TimersArmed.Add(-1);
        return true;
    }

    public void Dispose() => Stop();

    private static void Validate(TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A timer's due time cannot be negative.");
        }

        if (period != Timeout.InfiniteTimeSpan && period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "A timer's period must be positive, or Timeout.InfiniteTimeSpan for a one-shot timer.");
        }
    }
}
