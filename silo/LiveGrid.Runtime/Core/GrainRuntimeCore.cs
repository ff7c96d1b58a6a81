using System.Collections.Concurrent;
using System.Reflection;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.Scheduling;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Runtime.Core;

/// <summary>
/// The engine: the activation directory (one activation per grain id), message dispatch, the shared timer
/// queues, reminders and idle collection. <see cref="GrainRuntime"/> is its public, hosted face.
/// </summary>
internal sealed class GrainRuntimeCore : IDisposable
{
    private const int Running = 0;
    private const int Stopping = 1;
    private const int Stopped = 2;

    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly GrainRuntimeOptions _options;
    private readonly ActivationCollector _collector;
    private IGrainStorage? _defaultStorage;
    private int _state;
    private int _activationCount;
    private long _callsInFlight;

    public GrainRuntimeCore(
        IServiceProvider services,
        GrainRuntimeOptions options,
        TimeProvider time,
        ILogger logger,
        RuntimeMetrics metrics,
        IEnumerable<Assembly> grainAssemblies,
        GrainStateSerializer serializer,
        IReminderTable reminderTable)
    {
        if (options.CallTimeout <= TimeSpan.Zero && options.CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.CallTimeout, "CallTimeout must be positive.");
        }

        if (options.CollectionAge <= TimeSpan.Zero || options.CollectionQuantum <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "CollectionAge and CollectionQuantum must be positive.");
        }

        Services = services;
        _options = options;
        Time = time;
        Logger = logger;
        Metrics = metrics;
        Serializer = serializer;
        Registry = new GrainTypeRegistry(grainAssemblies);
        Timers = new TimerQueue(time, logger);
        _callTimeoutShards = [.. Enumerable.Range(0, Environment.ProcessorCount).Select(_ => new TimerQueue(time, logger))];
        Reminders = new ReminderService(this, reminderTable, logger);
        GrainFactory = new GrainFactory(this);
        CallTimeout = options.CallTimeout;
        MaxWorkItemsPerSlice = Math.Max(1, options.MaxWorkItemsPerSlice);
        _collector = new ActivationCollector(this, options.CollectionQuantum);
    }

    public IServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public RuntimeMetrics Metrics { get; }

    public GrainStateSerializer Serializer { get; }

    public GrainTypeRegistry Registry { get; }

    /// <summary>Grain timers, reminders, collection.</summary>
    public TimerQueue Timers { get; }

    /// <summary>
    /// Call timeouts: many short-lived entries, kept apart from the big timer heap, and sharded per processor
    /// so that callers on different threads do not contend for one lock on every call.
    /// </summary>
    private readonly TimerQueue[] _callTimeoutShards;

    public ReminderService Reminders { get; }

    public IGrainFactory GrainFactory { get; }

    public TimeSpan CallTimeout { get; }

    public int MaxWorkItemsPerSlice { get; }

    public CancellationToken StoppingToken => _stopping.Token;

    public long NowTicks => Time.GetUtcNow().UtcTicks;

    public int ActivationCount => Volatile.Read(ref _activationCount);

    public bool IsActive(GrainId grainId) =>
        _activations.TryGetValue(grainId, out var activation) && activation.Status is ActivationStatus.Activating or ActivationStatus.Valid or ActivationStatus.Deactivating;

    /// <summary>Whether the grain's activation has a turn running or work queued (false when not active).</summary>
    internal bool IsBusy(GrainId grainId) => _activations.TryGetValue(grainId, out var activation) && activation.IsBusy;

    /// <summary>No call in flight, no reminder being delivered and no activation with work: see <see cref="GrainRuntime.IsQuiescent"/>.</summary>
    public bool IsQuiescent =>
        Volatile.Read(ref _callsInFlight) == 0
        && Reminders.DeliveriesInFlight == 0
        && !_activations.Values.Any(activation => activation.IsBusy);

    internal void CallEnded() => Interlocked.Decrement(ref _callsInFlight);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Reminders.StartAsync(cancellationToken);
        _collector.Start();
        Logger.LogInformation(
            "Grain runtime started with {GrainClassCount} grain classes, call timeout {CallTimeout}, collection age {CollectionAge}",
            Registry.Classes.Count, _options.CallTimeout, _options.CollectionAge);
    }

    /// <summary>Stops taking calls, lets running turns finish, deactivates every grain (so state is written), then stops timers.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Stopping, Running) != Running)
        {
            return;
        }

        Reminders.Stop();
        Timers.Cancel(_collector);
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The host is shutting down.");
        var deactivations = new List<Task>();
        foreach (var pair in _activations)
        {
            deactivations.Add(pair.Value.DeactivateAsync(reason));
        }

        try
        {
            await Task.WhenAll(deactivations).WaitAsync(_options.ShutdownTimeout, TimeProvider.System, cancellationToken);
            Logger.LogInformation("Grain runtime stopped after deactivating {ActivationCount} activations", deactivations.Count);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Logger.LogWarning("Grain runtime stop gave up waiting: {Remaining} activations still deactivating", ActivationCount);
            await _stopping.CancelAsync();
        }
        finally
        {
            Volatile.Write(ref _state, Stopped);
            Timers.Dispose();
            DisposeCallTimeouts();
        }
    }

    public TGrainInterface CreateReference<TGrainInterface>(string key)
        where TGrainInterface : IGrain
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var grainClass = Registry.ForInterface(typeof(TGrainInterface));
        var reference = System.Reflection.DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)reference!).Initialize(this, new GrainId(grainClass.TypeName, key), grainClass);
        return reference;
    }

    /// <summary>Sends a call: arms its timeout, then hands it to the grain's activation.</summary>
    public void Send(GrainId target, GrainClassInfo grainClass, GrainRequest request)
    {
        Interlocked.Increment(ref _callsInFlight);
        request.CountedInFlight = true;
        if (CallTimeout != Timeout.InfiniteTimeSpan)
        {
            var shard = _callTimeoutShards[(uint)Environment.CurrentManagedThreadId % (uint)_callTimeoutShards.Length];
            request.TimeoutQueue = shard;
            shard.Schedule(request, NowTicks + CallTimeout.Ticks);
        }

        Dispatch(target, grainClass, request);
    }

    /// <summary>Hands an item to the one activation of <paramref name="target"/>, creating it if there is none.</summary>
    public void Dispatch(GrainId target, GrainClassInfo grainClass, TurnItem item)
    {
        if (Volatile.Read(ref _state) != Running)
        {
            item.Reject(new InvalidOperationException($"The grain runtime is shutting down: {target} cannot be called."));
            return;
        }

        var spin = default(SpinWait);
        while (true)
        {
            if (!_activations.TryGetValue(target, out var activation))
            {
                activation = _activations.GetOrAdd(
                    target,
                    static (id, state) => new ActivationData(id, state.Runtime, state.Class),
                    (Runtime: this, Class: grainClass));
            }

            if (activation.TryAccept(item))
            {
                return;
            }

            // That activation has just gone; its directory entry is being removed.
            spin.SpinOnce();
        }
    }

    internal void OnActivationStarted()
    {
        Interlocked.Increment(ref _activationCount);
        Metrics.ActivationStarted();
    }

    internal void OnActivationEnded()
    {
        Interlocked.Decrement(ref _activationCount);
        Metrics.ActivationEnded();
    }

    internal void RemoveActivation(ActivationData activation) =>
        _activations.TryRemove(new KeyValuePair<GrainId, ActivationData>(activation.GrainId, activation));

    internal void CollectIdle(long nowTicks)
    {
        var age = _options.CollectionAge.Ticks;
        var reason = new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for {_options.CollectionAge}.");
        var collected = 0;
        foreach (var pair in _activations)
        {
            if (pair.Value.IsIdle(nowTicks, age))
            {
                _ = pair.Value.DeactivateAsync(reason);
                collected++;
            }
        }

        if (collected > 0)
        {
            Logger.LogDebug("Collecting {CollectedCount} idle activations", collected);
        }
    }

    internal IGrainStorage GetStorage(string? storageName) =>
        storageName is null
            ? _defaultStorage ??= Services.GetRequiredService<IGrainStorage>()
            : Services.GetRequiredKeyedService<IGrainStorage>(storageName);

    private void DisposeCallTimeouts()
    {
        foreach (var shard in _callTimeoutShards)
        {
            shard.Dispose();
        }
    }

    public void Dispose()
    {
        Timers.Dispose();
        DisposeCallTimeouts();
        _stopping.Dispose();
    }
}
