namespace LiveGrid.Silo.Hosting;

/// <summary>What LiveGrid did at start, with counts.</summary>
internal static partial class StartupLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information,
        Message = "Territory restored: {Grids} grids, {Workers} workers")]
    public static partial void TerritoryRestored(ILogger logger, int grids, int workers);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information,
        Message = "No territory stored: loaded the demo city ({Grids} grids, {Workers} workers, {Tickets} tickets)")]
    public static partial void DemoCityLoaded(ILogger logger, int grids, int workers, int tickets);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning,
        Message = "No territory stored and LiveGrid:Startup:LoadDemoCityWhenEmpty is false: import one with PUT /api/territory")]
    public static partial void NoTerritory(ILogger logger);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information,
        Message = "Ticket catalog loaded: {Tickets} tickets of the last {Days} days and {OlderOpen} older open ones; {Open} open")]
    public static partial void CatalogLoaded(ILogger logger, int tickets, int olderOpen, int open, int days);

    [LoggerMessage(EventId = 24, Level = LogLevel.Information,
        Message = "Patrol scheduler started; city board warm: {OpenTickets} open tickets, {Children} districts")]
    public static partial void BoardsWarm(ILogger logger, int openTickets, int children);

    [LoggerMessage(EventId = 25, Level = LogLevel.Information,
        Message = "LiveGrid start-up work done in {ElapsedMs} ms")]
    public static partial void StartupDone(ILogger logger, long elapsedMs);

    [LoggerMessage(EventId = 26, Level = LogLevel.Error,
        Message = "LiveGrid start-up work failed (is the store reachable?); retrying in the background")]
    public static partial void StartupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 27, Level = LogLevel.Warning,
        Message = "LiveGrid start-up work failed again; next try in {Delay}")]
    public static partial void StartupFailedAgain(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 28, Level = LogLevel.Information,
        Message = "No territory stored: loading the demo city in the background (LiveGrid:Startup:LoadDemoCityWhenEmpty)")]
    public static partial void DemoCityLoading(ILogger logger);
}
