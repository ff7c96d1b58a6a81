using System.Diagnostics.Metrics;
using LiveGrid.Runtime.Core;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Hosting;

/// <summary>
/// The grain runtime as a hosted service: it starts with the host (loading durable reminders) and, on
/// shutdown, lets running turns finish and deactivates every grain before the host stops.
/// </summary>
public sealed class GrainRuntime : IHostedService, IDisposable
{
    private readonly GrainRuntimeCore _core;

    public GrainRuntime(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider time,
        ILogger<GrainRuntime> logger,
        GrainStateSerializer serializer,
        IReminderTable reminderTable,
        IEnumerable<GrainAssembly> grainAssemblies)
    {
        Metrics = new RuntimeMetrics(services.GetService<IMeterFactory>());
        _core = new GrainRuntimeCore(
            services, options.Value, time, logger, Metrics, grainAssemblies.Select(a => a.Assembly), serializer, reminderTable);
    }

    public IGrainFactory GrainFactory => _core.GrainFactory;

    /// <summary>Activations alive now (activating, serving or deactivating).</summary>
    public int ActivationCount => _core.ActivationCount;

    /// <summary>Durable reminders scheduled in this host.</summary>
    public int ReminderCount => _core.Reminders.Count;

    /// <summary>False while durable reminders could not yet be read from storage (it is retried in the background).</summary>
    public bool RemindersLoaded => _core.Reminders.IsLoaded;

    public RuntimeMetrics Metrics { get; }

    internal GrainRuntimeCore Core => _core;

    public bool IsActive(GrainId grainId) => _core.IsActive(grainId);

    /// <summary>
    /// Nothing runs or waits: no call in flight, no reminder being delivered, no activation with queued or running work.
    /// For tests and simulations that drive a manual clock: move it on only once the runtime is quiescent, so the work
    /// one instant started has finished (and its call timeouts are disarmed) before the next instant comes.
    /// </summary>
    public bool IsQuiescent => _core.IsQuiescent;

    public Task StartAsync(CancellationToken cancellationToken) => _core.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => _core.StopAsync(cancellationToken);

    public void Dispose()
    {
        _core.Dispose();
        Metrics.Dispose();
    }
}
