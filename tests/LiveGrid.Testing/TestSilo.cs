using System.Reflection;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Testing;

/// <summary>
/// A grain runtime under a real generic host, with a <see cref="ManualTimeProvider"/> as its clock:
/// the same wiring as the silo minus ASP.NET. Disposing it stops the runtime gracefully.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly TimeSpan _stopTimeout;
    private Task? _stopping;
    private int _disposed;

    private TestSilo(IHost host, ManualTimeProvider time, TimeSpan stopTimeout)
    {
        _host = host;
        Time = time;
        _stopTimeout = stopTimeout;
        Runtime = host.Services.GetRequiredService<GrainRuntime>();
    }

    public ManualTimeProvider Time { get; }

    public GrainRuntime Runtime { get; }

    public IGrainFactory GrainFactory => Runtime.GrainFactory;

    public IServiceProvider Services => _host.Services;

    /// <summary>True once <see cref="StopAsync"/> has been called.</summary>
    public bool IsStopping => _stopping is not null;

    /// <summary>Builds and starts a silo hosting every grain class in <paramref name="grainAssembly"/>.</summary>
    public static async Task<TestSilo> StartAsync(Assembly grainAssembly, Action<TestSiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(grainAssembly);
        var options = new TestSiloOptions();
        configure?.Invoke(options);
        var time = options.Time ?? new ManualTimeProvider();

        // An empty builder: no appsettings, environment variables or console logging leak into tests.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(options.MinimumLogLevel);
            options.ConfigureLogging?.Invoke(logging);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.StopTimeout);

        // Registered before AddGrainRuntime, whose TryAdd would otherwise install the system clock.
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(time);
        options.ConfigureServices?.Invoke(builder.Services);

        var runtime = builder.Services.AddGrainRuntime(options.ConfigureRuntime).AddGrains(grainAssembly);
        options.ConfigureRuntimeBuilder?.Invoke(runtime);

        var host = builder.Build();
        try
        {
            using var startLimit = new CancellationTokenSource(Eventually.Timeout);
            await host.StartAsync(startLimit.Token).WaitAsync(Eventually.Timeout);
        }
        catch
        {
            await DisposeHostAsync(host);
            throw;
        }

        return new TestSilo(host, time, options.StopTimeout);
    }

    /// <summary>
    /// Stops the runtime gracefully (in-flight turns finish, activations deactivate). Idempotent: later calls
    /// return the same stop. If the graceful stop outlasts the stop timeout it is cancelled, and if even that
    /// does not end it the returned task fails, so a stuck shutdown fails the test rather than hanging it.
    /// </summary>
    public Task StopAsync()
    {
        lock (_host)
        {
            return _stopping ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopAsync();
        }
        finally
        {
            await DisposeHostAsync(_host);
        }
    }

    private async Task StopCoreAsync()
    {
        using var graceLimit = new CancellationTokenSource(_stopTimeout);
        await _host.StopAsync(graceLimit.Token).WaitAsync(_stopTimeout + Eventually.Timeout);
    }

    private static async Task DisposeHostAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
