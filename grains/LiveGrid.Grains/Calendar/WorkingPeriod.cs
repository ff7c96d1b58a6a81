namespace LiveGrid.Grains.Calendar;

/// <summary>
/// One stretch of a working day in local wall time, e.g. 09:00-12:00. <see cref="End"/> is exclusive: at 12:00 the
/// office is closed. A period may not cross midnight.
/// </summary>
public record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    public readonly TimeSpan Length => End - Start;

    public override readonly string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
