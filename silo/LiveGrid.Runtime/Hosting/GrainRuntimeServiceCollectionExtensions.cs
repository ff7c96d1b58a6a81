using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace LiveGrid.Runtime.Hosting;

public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime as a hosted service, with <see cref="IGrainFactory"/>. Storage defaults to
    /// process memory until a provider (AddSqliteStorage, AddRedisStorage) replaces it. Register a
    /// <see cref="TimeProvider"/> first to drive time yourself.
    /// </summary>
    public static IGrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GrainRuntimeOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GrainStateSerializer>();
        services.TryAddSingleton<IGrainStorage, MemoryGrainStorage>();
        services.TryAddSingleton<IReminderTable, MemoryReminderTable>();
        services.TryAddSingleton<GrainRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton(sp => sp.GetRequiredService<GrainRuntime>().GrainFactory);
        return new GrainRuntimeBuilder(services);
    }
}
