using System.Globalization;
using LiveGrid.Runtime.State;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using StackExchange.Redis;

namespace LiveGrid.Silo.Problems;

/// <summary>
/// The store (Redis, SQLite) not answering is not the client's mistake and not a bug: answer 503 problem+json with
/// <c>Retry-After</c>, so clients and load balancers back off and retry, instead of a 500. The Redis connection fails
/// at once while it knows it is disconnected, so these answers come fast; the host reconnects by itself.
/// </summary>
public sealed class StorageUnavailableExceptionHandler(IProblemDetailsService problems, ILogger<StorageUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>What the answer tells clients to wait: about how long Redis takes to be reconnected once it is back.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL: the file cannot take the write now; the request may succeed later.
    private static readonly int[] UnavailableSqliteCodes = [5, 6, 10, 13];

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (FindCause(exception) is not { } cause)
        {
            return false;
        }

        StorageProblemLog.StoreUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, cause.GetType().Name, cause.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new()
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The store is unavailable.",
                // A write whose answer was lost may have been applied: say so, and how to retry safely.
                Detail = "LiveGrid cannot reach its store right now. The request was not acknowledged; retry after "
                    + $"{RetryAfter.TotalSeconds:0} s (with expectedVersion, so an action is never applied twice).",
            },
        });
    }

    /// <summary>The store failure behind <paramref name="exception"/>, looking through wrapping exceptions; null for anything else.</summary>
    public static Exception? FindCause(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RedisConnectionException or RedisTimeoutException or TimeoutException:
                    return current;
                // A write whose answer was lost in an outage was applied after all: the grain's state was stale, the
                // runtime has dropped the activation, and the same request succeeds when sent again.
                case InconsistentStateException:
                    return current;
                case SqliteException sqlite when UnavailableSqliteCodes.Contains(sqlite.SqliteErrorCode):
                    return current;
            }
        }

        return null;
    }
}
