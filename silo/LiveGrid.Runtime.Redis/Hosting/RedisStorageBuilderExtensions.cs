using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveGrid.Runtime.Hosting;

public static class RedisStorageBuilderExtensions
{
    /// <summary>Keeps grain state and reminders in Redis, replacing the default in-memory storage.</summary>
    public static IGrainRuntimeBuilder AddRedisStorage(this IGrainRuntimeBuilder builder, Action<RedisStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<RedisStorageOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        // One multiplexer for both providers: StackExchange.Redis is built to be shared, not pooled.
        services.TryAddSingleton<RedisConnection>();
        services.Replace(ServiceDescriptor.Singleton<IGrainStorage>(sp => new RedisGrainStorage(sp.GetRequiredService<RedisConnection>())));
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new RedisReminderTable(sp.GetRequiredService<RedisConnection>())));
        return builder;
    }
}
