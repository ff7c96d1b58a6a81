using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Calendar;

/// <summary>
/// Reads holiday arrangements from JSON: the files embedded under Calendar/Data (one per country and year, e.g.
/// cn-2026.json) or any other source in the same shape. Unknown properties are errors, so a misspelt
/// "makeUpWorkingDays" cannot silently drop the make-up days.
/// </summary>
public static class CalendarData
{
    private const string ResourcePrefix = "LiveGrid.Grains.Calendar.Data.";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<IReadOnlyList<CalendarYear>> BuiltInYears = new(LoadBuiltIn);

    /// <summary>The years shipped with LiveGrid, validated on first use. Callers must not modify them.</summary>
    public static IReadOnlyList<CalendarYear> BuiltIn => BuiltInYears.Value;

    /// <summary>Parses one year; <paramref name="sourceName"/> appears in error messages.</summary>
    public static CalendarYear Parse(string json, string sourceName = "calendar data")
    {
        CalendarYear? year;
        try
        {
            year = JsonSerializer.Deserialize<CalendarYear>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new CalendarDataException($"{sourceName}: {ex.Message}", innerException: ex);
        }

        if (year is null)
        {
            throw new CalendarDataException($"{sourceName}: the file holds no calendar year.");
        }

        if (year.Year is < 1 or > 9999)
        {
            throw new CalendarDataException($"{sourceName}: 'year' is missing or out of range ({year.Year}).");
        }

        return year;
    }

    private static IReadOnlyList<CalendarYear> LoadBuiltIn()
    {
        var assembly = typeof(CalendarData).Assembly;
        var years = new List<CalendarYear>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new CalendarDataException($"Embedded calendar resource {name} cannot be opened.");
            using var reader = new StreamReader(stream);
            years.Add(Parse(reader.ReadToEnd(), name));
        }

        // Validate eagerly: broken shipped data must fail the first calendar built, not a deadline months later.
        HolidayTable.Build(years);
        return years;
    }
}
