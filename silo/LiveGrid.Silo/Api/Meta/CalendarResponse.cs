namespace LiveGrid.Silo.Api.Meta;

/// <summary>GET /api/meta/calendar?year=: the business calendar of one year in the city's time zone.</summary>
public sealed record CalendarResponse(
    int Year,
    string TimeZone,
    bool HasHolidayData,
    IReadOnlyList<string> WorkingPeriods,
    IReadOnlyList<DayOfWeek> WeekendDays,
    int WorkingDays,
    IReadOnlyList<CalendarDayResponse> Days);
