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
}
