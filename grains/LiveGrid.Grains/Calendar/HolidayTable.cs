using System.Collections.Frozen;

namespace LiveGrid.Grains.Calendar;

/// <summary>
/// The validated union of holiday arrangements: which dates are days off, which weekend dates are worked, and which
/// years are covered. Building it is where bad data is caught, with the date named.
/// </summary>
internal sealed class HolidayTable
{
    private HolidayTable(
        FrozenDictionary<DateOnly, string> holidays,
        FrozenDictionary<DateOnly, string> makeUpWorkingDays,
        FrozenSet<int> years)
    {
        Holidays = holidays;
        MakeUpWorkingDays = makeUpWorkingDays;
        Years = years;
    }

    /// <summary>Day off → holiday name.</summary>
    public FrozenDictionary<DateOnly, string> Holidays { get; }

    /// <summary>Worked weekend day → the holiday it makes up for.</summary>
    public FrozenDictionary<DateOnly, string> MakeUpWorkingDays { get; }

    public FrozenSet<int> Years { get; }

    public static HolidayTable Build(IEnumerable<CalendarYear> years)
    {
        var holidays = new Dictionary<DateOnly, string>();
        var makeUp = new Dictionary<DateOnly, string>();
        var covered = new HashSet<int>();

        foreach (var year in years)
        {
            if (year.Year is < 1 or > 9999)
            {
                throw new CalendarDataException($"Calendar year {year.Year} is out of range.");
            }

            if (!covered.Add(year.Year))
            {
                throw new CalendarDataException($"Calendar year {year.Year} is given twice.");
            }

            foreach (var holiday in year.Holidays ?? [])
            {
                AddHoliday(year.Year, holiday, holidays, makeUp);
            }
        }

        // Checked after all years are in, so a clash across two blocks or two years is caught whatever the order.
        foreach (var date in makeUp.Keys)
        {
            if (holidays.TryGetValue(date, out var name))
            {
                throw new CalendarDataException(
                    $"{date:yyyy-MM-dd} is both a holiday ({name}) and a make-up working day (for {makeUp[date]}).", date);
            }
        }

        return new HolidayTable(holidays.ToFrozenDictionary(), makeUp.ToFrozenDictionary(), covered.ToFrozenSet());
    }

    private static void AddHoliday(
        int year, HolidayPeriod holiday, Dictionary<DateOnly, string> holidays, Dictionary<DateOnly, string> makeUp)
    {
        if (string.IsNullOrWhiteSpace(holiday.Name))
        {
            throw new CalendarDataException($"A holiday in {year} starting {holiday.From:yyyy-MM-dd} has no name.", holiday.From);
        }

        if (holiday.From == default)
        {
            throw new CalendarDataException($"Holiday {holiday.Name} ({year}) has no 'from' date.");
        }

        var to = holiday.To ?? holiday.From;
        if (to < holiday.From)
        {
            throw new CalendarDataException(
                $"Holiday {holiday.Name} ({year}) ends {to:yyyy-MM-dd}, before it starts {holiday.From:yyyy-MM-dd}.", to);
        }

        // A block may reach into the neighbouring year (元旦 2024 began on 2023-12-30), but not further.
        CheckNearYear(year, holiday.From, holiday.Name);
        CheckNearYear(year, to, holiday.Name);

        for (var date = holiday.From; date <= to; date = date.AddDays(1))
        {
            if (!holidays.TryAdd(date, holiday.Name))
            {
                throw new CalendarDataException(
                    $"{date:yyyy-MM-dd} is listed as a holiday twice ({holidays[date]} and {holiday.Name}).", date);
            }
        }

        foreach (var date in holiday.MakeUpWorkingDays ?? [])
        {
            CheckNearYear(year, date, holiday.Name);
            if (!makeUp.TryAdd(date, holiday.Name))
            {
                throw new CalendarDataException(
                    $"{date:yyyy-MM-dd} is listed as a make-up working day twice ({makeUp[date]} and {holiday.Name}).", date);
            }
        }
    }

    private static void CheckNearYear(int year, DateOnly date, string holiday)
    {
        if (Math.Abs(date.Year - year) > 1)
        {
            throw new CalendarDataException(
                $"{date:yyyy-MM-dd} ({holiday}) is filed under year {year}; check the year.", date);
        }
    }
}
