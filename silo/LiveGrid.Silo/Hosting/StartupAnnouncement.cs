using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Hosting;

/// <summary>Tells whoever started LiveGrid where it listens and where its data is, once it really listens.</summary>
public static class StartupAnnouncement
{
    public static WebApplication AnnounceWhenStarted(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LiveGrid.Silo");
            var storage = app.Services.GetRequiredService<StorageSummary>();
            // Read after start: with port 0 only the bound addresses carry the real port.
            var addresses = string.Join(", ", app.Urls);

            SiloLog.Running(logger, addresses, storage);
            if (storage.Provider == StorageProvider.Memory)
            {
                SiloLog.MemoryStorageNotDurable(logger);
            }

            // Also a plain line on stdout, whatever the logging settings: scripts and people look for it.
            Console.Out.WriteLine($"LiveGrid is running at {addresses} ({storage})");
            Console.Out.Flush();
        });
        return app;
    }
}
