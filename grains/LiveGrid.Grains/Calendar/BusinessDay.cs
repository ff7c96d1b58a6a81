namespace LiveGrid.Grains.Calendar;

/// <summary>
/// One local date resolved to UTC working intervals. Everything the calendar computes walks these day by day, so
/// a month costs about thirty look-ups, not forty thousand minutes.
/// </summary>
internal sealed class BusinessDay
{
    public BusinessDay(DateOnly date, WorkingInterval[] intervals)
    {
        Date = date;
        Intervals = intervals;
        foreach (var interval in intervals)
        {
            WorkingTime += interval.Length;
        }
    }

    public DateOnly Date { get; }

    /// <summary>Ordered, non-overlapping; empty on a non-working day.</summary>
    public WorkingInterval[] Intervals { get; }

    public TimeSpan WorkingTime { get; }

    public bool HasWorkingTime => Intervals.Length > 0;

    public DateTimeOffset Opening => Intervals[0].Start;

    public DateTimeOffset Close => Intervals[^1].End;

    public TimeSpan WorkingTimeWithin(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var interval in Intervals)
        {
            total += interval.OverlapWith(from, to);
        }

        return total;
    }
}
