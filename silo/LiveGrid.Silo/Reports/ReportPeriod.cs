using System.Globalization;
using System.Text.RegularExpressions;

namespace LiveGrid.Silo.Reports;

/// <summary>
/// The local days [<see cref="From"/>, <see cref="To"/>) a report covers and its name in blob names and URLs:
/// daily "2026-11-22", weekly "2026-W47" (ISO week, Monday to Sunday), monthly "2026-11", quarterly "2026-Q4".
/// </summary>
public sealed partial record ReportPeriod(ReportKind Kind, DateOnly From, DateOnly To, string Name)
{
    public static ReportPeriod Of(ReportKind kind, DateOnly day) => kind switch
    {
        ReportKind.Daily => new(kind, day, day.AddDays(1), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ReportKind.Weekly => Week(day),
        ReportKind.Monthly => new(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1),
            day.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        _ => Quarter(day),
    };

    /// <summary>The last period of <paramref name="kind"/> that is over on local day <paramref name="today"/>.</summary>
    public static ReportPeriod LastBefore(ReportKind kind, DateOnly today) => Of(kind, Of(kind, today).From.AddDays(-1));

    /// <summary>Whether the period has ended by local day <paramref name="today"/> (its last day is before today).</summary>
    public bool IsOverOn(DateOnly today) => To <= today;

    public static bool TryParse(ReportKind kind, string? text, out ReportPeriod period)
    {
        period = null!;
        text = text?.Trim() ?? "";
        switch (kind)
        {
            case ReportKind.Daily when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                period = Of(kind, day);
                return true;
            case ReportKind.Monthly when DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
                                         && text.Length == 7:
                period = Of(kind, month);
                return true;
            case ReportKind.Weekly when WeekName().Match(text) is { Success: true } w:
                var year = int.Parse(w.Groups[1].Value, CultureInfo.InvariantCulture);
                var week = int.Parse(w.Groups[2].Value, CultureInfo.InvariantCulture);
                if (year is < 2000 or > 9998 || week < 1 || week > ISOWeek.GetWeeksInYear(year))
                {
                    return false;
                }

                period = Of(kind, DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday)));
                return true;
            case ReportKind.Quarterly when QuarterName().Match(text) is { Success: true } q:
                var y = int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture);
                if (y is < 2000 or > 9998)
                {
                    return false;
                }

                period = Of(kind, new DateOnly(y, ((q.Groups[2].Value[0] - '1') * 3) + 1, 1));
                return true;
            default:
                return false;
        }
    }

    private static ReportPeriod Week(DateOnly day)
    {
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var date = monday.ToDateTime(TimeOnly.MinValue);
        return new(ReportKind.Weekly, monday, monday.AddDays(7),
            string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date)}-W{ISOWeek.GetWeekOfYear(date):00}"));
    }

    private static ReportPeriod Quarter(DateOnly day)
    {
        var first = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
        return new(ReportKind.Quarterly, first, first.AddMonths(3),
            string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{((day.Month - 1) / 3) + 1}"));
    }

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex WeekName();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterName();
}
