namespace LiveGrid.Grains.Calendar;

/// <summary>
/// One year's holiday arrangement. A calendar knows holidays only for the years it has one of these for; for any
/// other year it falls back to weekends only (see <see cref="BusinessCalendar.HasDataFor"/>).
/// </summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    /// <summary>Where the data comes from (the notice and its date), so an operator can check it.</summary>
    public string? Source { get; set; }

    public List<HolidayPeriod> Holidays { get; set; } = [];
}
