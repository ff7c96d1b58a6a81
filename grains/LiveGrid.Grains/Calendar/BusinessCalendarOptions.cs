namespace LiveGrid.Grains.Calendar;

/// <summary>
/// How a city's offices keep time. Plain settings the host binds from configuration; <see cref="BusinessCalendar.Create"/>
/// validates them. List settings are null by default (meaning "use the default") rather than pre-filled, because the
/// configuration binder appends configured items to a pre-filled list instead of replacing it.
/// </summary>
public sealed class BusinessCalendarOptions
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";

    /// <summary>The usual government office hours: 09:00-12:00 and 13:30-17:30.</summary>
    public static IReadOnlyList<WorkingPeriod> DefaultWorkingPeriods { get; } =
    [
        new(new TimeOnly(9, 0), new TimeOnly(12, 0)),
        new(new TimeOnly(13, 30), new TimeOnly(17, 30)),
    ];

    public static IReadOnlyList<DayOfWeek> DefaultWeekendDays { get; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>IANA (or Windows) time zone id; working periods and holiday dates are in this zone.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    /// <summary>Daily working periods in local time; null means <see cref="DefaultWorkingPeriods"/>.</summary>
    public List<WorkingPeriod>? WorkingPeriods { get; set; }

    /// <summary>Days of the week that are not working days unless made up; null means <see cref="DefaultWeekendDays"/>.</summary>
    public List<DayOfWeek>? WeekendDays { get; set; }

    /// <summary>Use the holiday data shipped with LiveGrid (China, see Calendar/Data). A year in <see cref="Years"/>
    /// replaces the shipped data for that year, so a city can correct or add a year without a release.</summary>
    public bool UseBuiltInData { get; set; } = true;

    /// <summary>Holiday arrangements from configuration.</summary>
    public List<CalendarYear> Years { get; set; } = [];
}
