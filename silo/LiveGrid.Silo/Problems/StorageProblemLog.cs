namespace LiveGrid.Silo.Problems;

/// <summary>Log events of requests refused because the store is unavailable.</summary>
internal static partial class StorageProblemLog
{
    // Debug: during an outage every request lands here; the Redis connection already logs the outage itself once.
    [LoggerMessage(EventId = 30, Level = LogLevel.Debug,
        Message = "{Method} {Path} answered 503: the store is unavailable ({Failure}: {Reason})")]
    public static partial void StoreUnavailable(ILogger logger, string method, string path, string failure, string reason);
}
