namespace LiveGrid.Grains.Reports;

/// <summary>
/// Makes the reports due on a local day (implemented by the silo, which owns the blob store and the writers), so the
/// scheduler grain needs nothing of ASP.NET. Idempotent: a report already made is left as it is.
/// </summary>
public interface IReportGenerator
{
    /// <summary>Local time of day the due reports are made.</summary>
    TimeOnly DailyAt { get; }

    /// <summary>Makes the reports due on <paramref name="localDate"/> (yesterday's daily; on Mondays last week's, on the 1st last month's, on a quarter's first day last quarter's); returns their names.</summary>
    Task<IReadOnlyList<string>> GenerateDueAsync(DateOnly localDate, CancellationToken cancellationToken = default);
}
