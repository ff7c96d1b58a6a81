using LiveGrid.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Testing;

/// <summary>How a <see cref="TestSilo"/> is put together. Every hook is optional.</summary>
public sealed class TestSiloOptions
{
    /// <summary>The clock; pass one in to share it with another silo (restart tests). Default: a new one at <see cref="ManualTimeProvider.DefaultStart"/>.</summary>
    public ManualTimeProvider? Time { get; set; }

    /// <summary>Runtime settings (call timeout, collection age, ...).</summary>
    public Action<GrainRuntimeOptions>? ConfigureRuntime { get; set; }

    /// <summary>Runs BEFORE AddGrainRuntime, so singletons registered here (a storage instance kept
    /// across two silos, probes grains depend on) win over the runtime's TryAdd defaults.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>Runs AFTER AddGrains: storage provider extensions that replace the defaults go here.</summary>
    public Action<IGrainRuntimeBuilder>? ConfigureRuntimeBuilder { get; set; }

    /// <summary>Adds log providers (e.g. one writing to the test's output). Nothing is logged by default.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }

    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Information;

    /// <summary>Real time a graceful stop may take before the stop is made ungraceful and, failing that, the test fails.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
