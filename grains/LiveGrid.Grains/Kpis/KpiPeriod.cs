namespace LiveGrid.Grains.Kpis;

/// <summary>A report period [<see cref="From"/>, <see cref="To"/>) of local days in <see cref="Zone"/>.</summary>
public sealed class KpiPeriod
{
    public KpiPeriod(TimeZoneInfo zone, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        From = from;
        To = to;
        End = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly From { get; }

    /// <summary>Exclusive.</summary>
    public DateOnly To { get; }

    /// <summary>Local midnight starting <see cref="To"/>, as UTC: events from then on are after the period.</summary>
    public DateTimeOffset End { get; }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public bool Contains(DateTimeOffset instant) => LocalDate(instant) is var day && day >= From && day < To;
}
