namespace LiveGrid.Silo.Live;

/// <summary>The push hub's log events.</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Live push started: frames every {FrameMs} ms, {Buffer} deltas kept per scope")]
    public static partial void Started(ILogger logger, double frameMs, int buffer);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "The live notifier fell behind the domain event stream and lost events: subscribers will resynchronise")]
    public static partial void StreamOverflowed(ILogger logger);

    [LoggerMessage(EventId = 62, Level = LogLevel.Debug, Message = "Connection {ConnectionId} fell behind scope {Scope}; it will see a gap and resynchronise")]
    public static partial void ConnectionBehind(ILogger logger, string connectionId, string scope);

    [LoggerMessage(EventId = 63, Level = LogLevel.Debug, Message = "Sending deltas to {ConnectionId} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, string connectionId);

    [LoggerMessage(EventId = 64, Level = LogLevel.Error, Message = "A live frame tick failed")]
    public static partial void PumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 65, Level = LogLevel.Debug, Message = "Connection {ConnectionId} subscribed to {Scope} at sequence {Sequence}")]
    public static partial void Subscribed(ILogger logger, string connectionId, string scope, long sequence);
}
