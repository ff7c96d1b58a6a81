using LiveGrid.Bench.Grains;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveGrid.Bench.Harness;

/// <summary>
/// A grain runtime wired the way the silo wires it (DI, AddGrainRuntime, a storage provider), minus ASP.NET
/// and minus a generic host, whose extra services would only add noise to memory figures. Real clock.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchSilo(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }

    public IGrainFactory GrainFactory => Runtime.GrainFactory;

    public IServiceProvider Services => _services;

    public TimerFiringLog FiringLog => _services.GetRequiredService<TimerFiringLog>();

    public static async Task<BenchSilo> StartAsync(Action<IGrainRuntimeBuilder>? configureStorage = null, Action<GrainRuntimeOptions>? configureRuntime = null)
    {
        var services = new ServiceCollection();
        // Warnings and errors only: a failing call or storage provider must be visible, progress chatter must not.
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimerFiringLog>();
        var builder = services
            .AddGrainRuntime(options =>
            {
                options.ShutdownTimeout = TimeSpan.FromSeconds(60);
                configureRuntime?.Invoke(options);
            })
            .AddGrains(typeof(PingGrain).Assembly);
        configureStorage?.Invoke(builder);
        var provider = services.BuildServiceProvider();
        var silo = new BenchSilo(provider);
        await silo.Runtime.StartAsync(CancellationToken.None);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
