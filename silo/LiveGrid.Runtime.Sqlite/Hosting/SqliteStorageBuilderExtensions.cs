using LiveGrid.Runtime.Sqlite;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiveGrid.Runtime.Hosting;

public static class SqliteStorageBuilderExtensions
{
    /// <summary>
    /// Keeps grain state and reminders in one embedded SQLite file (default <c>data/livegrid.db</c>),
    /// replacing the default in-memory storage.
    /// </summary>
    public static IGrainRuntimeBuilder AddSqliteStorage(this IGrainRuntimeBuilder builder, Action<SqliteStorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SqliteStorageOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<SqliteDatabase>();
        // Both providers share the one database, so they share its group commit.
        services.Replace(ServiceDescriptor.Singleton<IGrainStorage>(sp => new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>())));
        services.Replace(ServiceDescriptor.Singleton<IReminderTable>(sp => new SqliteReminderTable(sp.GetRequiredService<SqliteDatabase>())));
        return builder;
    }
}
