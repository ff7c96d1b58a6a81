using LiveGrid.Grains;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Redis;
using LiveGrid.Runtime.Sqlite;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Problems;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Hosting;

/// <summary>Puts the grain runtime, the configured store and LiveGrid's grains into the host.</summary>
public static class LiveGridRuntimeExtensions
{
    // Host shutdown first drains HTTP requests, then stops the runtime, all inside one timeout:
    // give the runtime its full budget plus room for the drain.
    private static readonly TimeSpan HttpDrainAllowance = TimeSpan.FromSeconds(5);

    public static WebApplicationBuilder AddLiveGridRuntime(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;

        var city = StorageConfiguration.ReadCity(configuration);
        var runtime = builder.Services.AddGrainRuntime(options =>
            configuration.GetSection(GrainRuntimeOptions.SectionName).Bind(options));
        var storage = runtime.AddConfiguredStorage(configuration, builder.Environment.ContentRootPath);
        runtime.AddGrains(GrainsAssembly.Assembly);

        builder.Services.AddSingleton(storage);
        // The store not answering is a 503 with Retry-After, not a 500 (used by app.UseExceptionHandler).
        builder.Services.AddExceptionHandler<StorageUnavailableExceptionHandler>();
        builder.Services.Configure<CityOptions>(options => options.TimeZone = city.TimeZone);
        builder.Services.AddOptions<HostOptions>()
            .Configure<IOptions<GrainRuntimeOptions>>((host, runtimeOptions) =>
                host.ShutdownTimeout = runtimeOptions.Value.ShutdownTimeout + HttpDrainAllowance);

        return builder;
    }

    private static StorageSummary AddConfiguredStorage(this IGrainRuntimeBuilder runtime, IConfiguration configuration, string contentRoot)
    {
        var section = configuration.GetSection(StorageConfiguration.SectionName);
        switch (StorageConfiguration.ReadProvider(configuration))
        {
            case StorageProvider.Sqlite:
                var dataDirectory = StorageConfiguration.ReadSqliteDataDirectory(configuration, contentRoot);
                runtime.AddSqliteStorage(options =>
                {
                    section.GetSection("Sqlite").Bind(options);
                    options.DataDirectory = dataDirectory;
                });
                return new StorageSummary(StorageProvider.Sqlite, $"data: {dataDirectory}");

            case StorageProvider.Redis:
                var connectionString = StorageConfiguration.ReadRedisConnectionString(configuration);
                runtime.AddRedisStorage(options =>
                {
                    section.GetSection("Redis").Bind(options);
                    options.ConnectionString = connectionString;
                });
                return new StorageSummary(StorageProvider.Redis, $"server: {StorageConfiguration.RedisServers(connectionString)}");

            default:
                // AddGrainRuntime already registered the memory store.
                return new StorageSummary(StorageProvider.Memory, "not durable: state is lost when LiveGrid stops");
        }
    }
}
