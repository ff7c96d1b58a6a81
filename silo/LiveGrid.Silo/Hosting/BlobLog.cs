namespace LiveGrid.Silo.Hosting;

/// <summary>The silo's log messages about the blob store (kept apart from SiloLog's event ids).</summary>
internal static partial class BlobLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning,
        Message = "Blob store {Provider} is unhealthy after {LatencyMs} ms: {Description}")]
    public static partial void BlobStoreUnhealthy(ILogger logger, string provider, double latencyMs, string description);
}
