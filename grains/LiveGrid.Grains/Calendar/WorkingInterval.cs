namespace LiveGrid.Grains.Calendar;

/// <summary>A working period of one particular day, as UTC instants; <see cref="End"/> is exclusive.</summary>
internal readonly record struct WorkingInterval(DateTimeOffset Start, DateTimeOffset End)
{
    public TimeSpan Length => End - Start;

    /// <summary>How much of this interval lies within [from, to).</summary>
    public TimeSpan OverlapWith(DateTimeOffset from, DateTimeOffset to)
    {
        var start = Start > from ? Start : from;
        var end = End < to ? End : to;
        return end > start ? end - start : TimeSpan.Zero;
    }
}
