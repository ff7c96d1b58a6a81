using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Timers;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// One activation of one grain: its mailbox, its turn discipline and its life cycle.
/// <para>
/// The activation is its own <see cref="SynchronizationContext"/>: grain code runs with it set, so every
/// <c>await</c> continuation is posted back here and runs one at a time on the thread pool. Calls are
/// admitted by the turn rule: a non-interleaving call holds the turn from start until its task completes,
/// so no other call enters while it awaits I/O. The activation is also its own thread-pool work item,
/// so scheduling it allocates nothing.
/// </para>
/// Fields are few and lazily allocated: an idle activation costs a couple of hundred bytes.
/// </summary>
internal sealed class ActivationData : SynchronizationContext, IThreadPoolWorkItem, IGrainContext
{
    private static readonly SendOrPostCallback StartTurnCallback = static s =>
    {
        var item = (TurnItem)s!;
        item.Target!.RunTurn(item);
    };

    private static readonly DeactivationReason RequestedReason = new(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called.");

    private readonly GrainRuntimeCore _runtime;
    private Grain? _grain;
    private ActivationStatus _status;
    private bool _scheduled;
    private bool _exclusiveRunning;
    private bool _deactivateWhenIdle;
    private bool _deactivationStarted;
    private int _running;
    private long _lastActiveTicks;
    private long _keepAliveUntilTicks;
    private Queue<WorkItem>? _ready;
    private Queue<TurnItem>? _waiting;
    private List<IGrainTimerControl>? _timers;
    private List<IStateLoader>? _states;
    private DeactivationReason _deactivationReason;
    private TaskCompletionSource? _deactivated;

    public ActivationData(GrainId grainId, GrainRuntimeCore runtime, GrainClassInfo grainClass)
    {
        GrainId = grainId;
        _runtime = runtime;
        Class = grainClass;
        _lastActiveTicks = runtime.NowTicks;
    }

    public GrainId GrainId { get; }

    internal GrainClassInfo Class { get; }

    internal Grain? Grain => _grain;

    internal ActivationStatus Status => _status;

    public IGrainFactory GrainFactory => _runtime.GrainFactory;

    public IServiceProvider ActivationServices => _runtime.Services;

    public TimeProvider TimeProvider => _runtime.Time;

    public IReminderRegistry Reminders => new GrainReminderRegistry(_runtime.Reminders, GrainId);

    /// <summary>Takes <paramref name="item"/> into this activation. False only once the activation is gone:
    /// the caller then looks the grain up again.</summary>
    internal bool TryAccept(TurnItem item)
    {
        lock (this)
        {
            switch (_status)
            {
                case ActivationStatus.Invalid:
                    return false;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    _runtime.OnActivationStarted();
                    StartLocked(new ActivationTurn());
                    EnqueueWaitingLocked(item);
                    return true;
                case ActivationStatus.Valid when item.Interleave || (!_exclusiveRunning && (_waiting is null || _waiting.Count == 0)):
                    StartLocked(item);
                    return true;
                default:
                    EnqueueWaitingLocked(item);
                    return true;
            }
        }
    }

    private void EnqueueWaitingLocked(TurnItem item)
    {
        (_waiting ??= new Queue<TurnItem>()).Enqueue(item);
        _runtime.Metrics.MailboxDepth.Add(1);
    }

    private void StartLocked(TurnItem item)
    {
        _running++;
        if (!item.Interleave)
        {
            _exclusiveRunning = true;
        }

        item.Target = this;
        PostLocked(new WorkItem(StartTurnCallback, item));
    }

    /// <summary>Starts whatever the turn rule now admits.</summary>
    private void PumpLocked()
    {
        if (_status == ActivationStatus.Valid || (_status == ActivationStatus.Deactivating && _deactivationReason.ReasonCode == DeactivationReasonCode.ShuttingDown))
        {
            // On shutdown, calls already queued still run; nothing new is admitted by the runtime.
            while (_waiting is { Count: > 0 })
            {
                var next = _waiting.Peek();
                if (!next.Interleave && _exclusiveRunning)
                {
                    break;
                }

                _waiting.Dequeue();
                _runtime.Metrics.MailboxDepth.Add(-1);
                if (_status == ActivationStatus.Deactivating && !next.ForwardOnDeactivation)
                {
                    continue;
                }

                StartLocked(next);
            }
        }

        if (_status == ActivationStatus.Deactivating && _running == 0 && !_deactivationStarted
            && (_deactivationReason.ReasonCode != DeactivationReasonCode.ShuttingDown || _waiting is null || _waiting.Count == 0))
        {
            _deactivationStarted = true;
            StartLocked(new DeactivationTurn());
        }
    }

    private void RunTurn(TurnItem item)
    {
        if (item.IsAbandoned)
        {
            FinishTurn(item, null);
            return;
        }

        Task turn;
        try
        {
            turn = item.Execute(this);
        }
        catch (Exception ex)
        {
            turn = Task.FromException(ex);
        }

        if (turn.IsCompleted)
        {
            FinishTurn(item, turn);
            return;
        }

        item.TurnTask = turn;
        turn.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(item.OnTurnCompleted);
    }

    /// <summary>Publishes a turn's outcome and admits the next one.</summary>
    internal void FinishTurn(TurnItem item, Task? turn)
    {
        item.TurnTask = null;
        if (turn is { IsFaulted: true } && turn.Exception!.InnerExceptions.Any(e => e is InconsistentStateException))
        {
            // As Orleans does: the grain's state is stale (a write whose answer was lost was applied after all, or
            // someone else wrote), and every later write would fail the same way. Drop the activation; the next call
            // reads the state afresh.
            DeactivateOnIdle();
        }

        var finishedAt = _runtime.NowTicks;

        // Complete outside our context, so nothing the completion runs can post into this grain by mistake.
        var context = Current;
        SetSynchronizationContext(null);
        try
        {
            item.Complete(this, turn);
        }
        catch (Exception ex)
        {
            _runtime.Logger.LogError(ex, "Completing a turn of {GrainId} failed", GrainId);
        }
        finally
        {
            SetSynchronizationContext(context);
        }

        lock (this)
        {
            _running--;
            if (!item.Interleave)
            {
                _exclusiveRunning = false;
            }

            if (item.KeepsAlive)
            {
                _lastActiveTicks = finishedAt;
            }

            if (_deactivateWhenIdle && _status == ActivationStatus.Valid)
            {
                BeginDeactivationLocked(_deactivationReason.ReasonCode == DeactivationReasonCode.None ? RequestedReason : _deactivationReason);
            }

            PumpLocked();
        }
    }

    internal async Task ActivateAsync()
    {
        using (GrainContextAccessor.BeginActivation(this))
        {
            _grain = Class.CreateInstance(this, _runtime.Services);
        }

        if (_states is not null)
        {
            foreach (var state in _states)
            {
                await state.ReadStateAsync(_runtime.StoppingToken);
            }
        }

        await _grain.OnActivateAsync(_runtime.StoppingToken);
    }

    internal void OnActivated(Task turn)
    {
        if (turn.IsCompletedSuccessfully)
        {
            lock (this)
            {
                _status = ActivationStatus.Valid;
                _lastActiveTicks = _runtime.NowTicks;
            }

            return;
        }

        // A failed activation rejects every waiting call with the failure; the next call starts afresh.
        var error = turn.Exception?.GetBaseException() ?? new TaskCanceledException("Activation was cancelled.");
        _runtime.Logger.LogError(error, "Activation of {GrainId} failed", GrainId);
        TurnItem[] waiting;
        lock (this)
        {
            _status = ActivationStatus.Invalid;
            waiting = DrainWaitingLocked();
        }

        StopTimers();
        _runtime.RemoveActivation(this);
        _runtime.OnActivationEnded();
        foreach (var item in waiting)
        {
            item.Reject(error);
        }

        _deactivated?.TrySetResult();
    }

    internal Task DeactivateAsync() => _grain?.OnDeactivateAsync(_deactivationReason, _runtime.StoppingToken) ?? Task.CompletedTask;

    internal void OnDeactivated(Task turn)
    {
        if (!turn.IsCompletedSuccessfully)
        {
            _runtime.Logger.LogError(turn.Exception?.GetBaseException(), "OnDeactivateAsync of {GrainId} failed", GrainId);
        }

        TurnItem[] waiting;
        lock (this)
        {
            _status = ActivationStatus.Invalid;
            waiting = DrainWaitingLocked();
        }

        _runtime.RemoveActivation(this);
        _runtime.OnActivationEnded();
        foreach (var item in waiting)
        {
            if (item.ForwardOnDeactivation)
            {
                _runtime.Dispatch(GrainId, Class, item);
            }
        }

        _deactivated?.TrySetResult();
    }

    private TurnItem[] DrainWaitingLocked()
    {
        if (_waiting is null || _waiting.Count == 0)
        {
            return [];
        }

        var items = _waiting.ToArray();
        _runtime.Metrics.MailboxDepth.Add(-items.Length);
        _waiting.Clear();
        return items;
    }

    /// <summary>Starts deactivation: running turns finish, timers stop, then OnDeactivateAsync runs.
    /// Completes when the activation is gone.</summary>
    internal Task DeactivateAsync(DeactivationReason reason)
    {
        Task completion;
        var neverRan = false;
        lock (this)
        {
            if (_status == ActivationStatus.Invalid)
            {
                return Task.CompletedTask;
            }

            _deactivated ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            completion = _deactivated.Task;
            if (_status == ActivationStatus.Created)
            {
                // Never ran: nothing to deactivate.
                _status = ActivationStatus.Invalid;
                _deactivated.TrySetResult();
                neverRan = true;
            }
            else if (_status == ActivationStatus.Activating)
            {
                // Let activation finish, then deactivate.
                _deactivateWhenIdle = true;
                _deactivationReason = reason;
            }
            else
            {
                BeginDeactivationLocked(reason);
            }
        }

        if (neverRan)
        {
            _runtime.RemoveActivation(this);
        }

        return completion;
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        if (_status != ActivationStatus.Valid)
        {
            return;
        }

        _status = ActivationStatus.Deactivating;
        _deactivationReason = reason;
        _deactivateWhenIdle = false;
        StopTimers();
        PumpLocked();
    }

    /// <summary>Something runs, waits or is posted: for tests that must not move the clock mid-turn.</summary>
    internal bool IsBusy
    {
        get
        {
            lock (this)
            {
                return _running > 0 || _waiting is { Count: > 0 } || _ready is { Count: > 0 };
            }
        }
    }

    /// <summary>True when nothing runs or waits and the activation has been idle for <paramref name="ageTicks"/>.</summary>
    internal bool IsIdle(long nowTicks, long ageTicks)
    {
        lock (this)
        {
            return _status == ActivationStatus.Valid
                && _running == 0
                && (_waiting is null || _waiting.Count == 0)
                && nowTicks - _lastActiveTicks >= ageTicks
                && nowTicks >= _keepAliveUntilTicks;
        }
    }

    public void DeactivateOnIdle()
    {
        lock (this)
        {
            if (_running == 0 && _status == ActivationStatus.Valid)
            {
                BeginDeactivationLocked(RequestedReason);
            }
            else
            {
                _deactivateWhenIdle = true;
            }
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        lock (this)
        {
            _keepAliveUntilTicks = timeSpan == TimeSpan.MaxValue ? long.MaxValue : _runtime.NowTicks + timeSpan.Ticks;
        }
    }

    public IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new GrainTimer<TState>(this, _runtime, callback, state, options);
        lock (this)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"{GrainId} is deactivating: it cannot register timers.");
            }

            (_timers ??= []).Add(timer);
        }

        timer.Start();
        return timer;
    }

    internal void RemoveTimer(IGrainTimerControl timer)
    {
        lock (this)
        {
            _timers?.Remove(timer);
        }
    }

    private void StopTimers()
    {
        IGrainTimerControl[] timers;
        lock (this)
        {
            if (_timers is null || _timers.Count == 0)
            {
                return;
            }

            timers = [.. _timers];
            _timers.Clear();
        }

        foreach (var timer in timers)
        {
            timer.Stop();
        }
    }

    /// <summary>Called by the grain activator while it constructs the grain: state to read before OnActivateAsync.</summary>
    internal IPersistentState<TState> CreatePersistentState<TState>(string stateName, string? storageName)
    {
        var state = new PersistentState<TState>(stateName, GrainId, _runtime.GetStorage(storageName), _runtime.Serializer, _runtime.Metrics);
        (_states ??= []).Add(state);
        return state;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (this)
        {
            PostLocked(new WorkItem(d, state));
        }
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain code cannot block on its own activation.");

    public override SynchronizationContext CreateCopy() => this;

    private void PostLocked(WorkItem item)
    {
        (_ready ??= new Queue<WorkItem>()).Enqueue(item);
        if (!_scheduled)
        {
            _scheduled = true;
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Runs posted work one item at a time with this activation as the synchronization context,
    /// yielding the thread after a slice so one busy grain cannot starve the others.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            var budget = _runtime.MaxWorkItemsPerSlice;
            while (true)
            {
                WorkItem work;
                lock (this)
                {
                    if (_ready is null || !_ready.TryDequeue(out work))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                try
                {
                    work.Callback(work.State);
                }
                catch (Exception ex)
                {
                    _runtime.Logger.LogError(ex, "Work posted to {GrainId} failed", GrainId);
                }

                if (--budget == 0)
                {
                    lock (this)
                    {
                        if (_ready.Count == 0)
                        {
                            _scheduled = false;
                        }
                        else
                        {
                            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                        }
                    }

                    return;
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    public override string ToString() => $"Activation {GrainId} ({_status})";
}
