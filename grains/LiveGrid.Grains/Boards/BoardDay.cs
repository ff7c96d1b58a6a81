using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Boards;

/// <summary>The city's local day as boards count "today".</summary>
public static class BoardDay
{
    /// <summary>The UTC instant of the next local midnight after <paramref name="now"/> in the city's time zone.</summary>
    public static DateTimeOffset NextMidnight(CityModel city, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(city);
        var tomorrow = city.LocalDate(now).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a daylight-saving jump is taken as the first valid instant after it.
        while (city.TimeZone.IsInvalidTime(tomorrow))
        {
            tomorrow = tomorrow.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(tomorrow, city.TimeZone), TimeSpan.Zero);
    }
}
