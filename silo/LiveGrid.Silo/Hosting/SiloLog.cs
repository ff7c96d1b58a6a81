using LiveGrid.Silo.Configuration;

namespace LiveGrid.Silo.Hosting;

/// <summary>The silo's own log events.</summary>
internal static partial class SiloLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "LiveGrid is running at {Addresses} ({Storage})")]
    public static partial void Running(ILogger logger, string addresses, StorageSummary storage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Storage provider is memory: grain state and reminders are lost when LiveGrid stops")]
    public static partial void MemoryStorageNotDurable(ILogger logger);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "Storage {Provider} is unhealthy after {LatencyMs} ms: {Description}")]
    public static partial void StorageUnhealthy(ILogger logger, string provider, double latencyMs, string description);
}
