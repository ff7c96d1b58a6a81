using System.Collections.Concurrent;

namespace LiveGrid.Grains.Calendar;

/// <summary>
/// When a city's offices work: daily working periods in local time, weekends, public holidays and make-up working
/// days (调休上班). Deadlines counted in working hours or working days are computed here.
/// <para>
/// Instants go in and come out as UTC <see cref="DateTimeOffset"/> (any offset is accepted in; results carry offset
/// zero). Local time exists only inside: a working period is resolved to UTC per date, so daylight-saving zones work
/// (a period start inside a spring-forward gap is read with the offset before the jump; an ambiguous wall time takes
/// its first occurrence).
/// </para>
/// <para>
/// Working time is half-open: with 09:00-12:00, 09:00 is working time and 12:00 is not. Outside the years it has
/// holiday data for (<see cref="HasDataFor"/>), the calendar knows weekends only.
/// </para>
/// Immutable and thread-safe; a per-date cache of resolved periods is filled as dates are used.
/// </summary>
public sealed class BusinessCalendar
{
    // The longest run of days without working time we accept before calling the calendar broken (Spring Festival
    // with its weekends is nine days).
    private const int MaxDaysWithoutWork = 366;

    private static readonly Lazy<BusinessCalendar> DefaultCalendar = new(() => Create(new BusinessCalendarOptions()));

    private readonly WorkingPeriod[] _periods;
    private readonly bool[] _weekend = new bool[7];
    private readonly HolidayTable _table;
    private readonly ConcurrentDictionary<DateOnly, BusinessDay> _days = new();

    private BusinessCalendar(TimeZoneInfo zone, WorkingPeriod[] periods, IEnumerable<DayOfWeek> weekend, HolidayTable table)
    {
        TimeZone = zone;
        _periods = periods;
        WorkingPeriods = Array.AsReadOnly(periods);
        _table = table;
        foreach (var day in weekend)
        {
            _weekend[(int)day] = true;
        }

        WeekendDays = Array.AsReadOnly(Enum.GetValues<DayOfWeek>().Where(d => _weekend[(int)d]).ToArray());
    }

    /// <summary>Shanghai time, 09:00-12:00 and 13:30-17:30, Saturday and Sunday off, China's shipped holiday data.</summary>
    public static BusinessCalendar Default => DefaultCalendar.Value;

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Ordered by start.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingPeriods { get; }

    public IReadOnlyList<DayOfWeek> WeekendDays { get; }

    /// <summary>Years with holiday data, ascending.</summary>
    public IReadOnlyList<int> DataYears => _table.Years.Order().ToArray();

    /// <summary>Validates <paramref name="options"/> and builds the calendar; errors are <see cref="CalendarDataException"/>.</summary>
    public static BusinessCalendar Create(BusinessCalendarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var zone = FindZone(options.TimeZoneId);
        var periods = ValidatePeriods(options.WorkingPeriods ?? [.. BusinessCalendarOptions.DefaultWorkingPeriods]);
        var weekend = (options.WeekendDays ?? [.. BusinessCalendarOptions.DefaultWeekendDays]).Distinct().ToArray();
        if (weekend.Any(d => !Enum.IsDefined(d)))
        {
            throw new CalendarDataException("Weekend days contain a value that is not a day of the week.");
        }

        if (weekend.Length == 7)
        {
            throw new CalendarDataException("Every day of the week is a weekend day; at least one must be a working day.");
        }

        var years = new List<CalendarYear>(options.Years ?? []);
        if (options.UseBuiltInData)
        {
            // A configured year replaces the shipped one: that is how a city corrects or overrides our data.
            var configured = years.Select(y => y.Year).ToHashSet();
            years.AddRange(CalendarData.BuiltIn.Where(y => !configured.Contains(y.Year)));
        }

        return new BusinessCalendar(zone, periods, weekend, HolidayTable.Build(years));
    }

    /// <summary>Whether holidays and make-up days are known for <paramref name="year"/>; if not, only weekends count.</summary>
    public bool HasDataFor(int year) => _table.Years.Contains(year);

    /// <summary>A holiday is not a working day even on a weekday; a make-up day is one even on a weekend.</summary>
    public bool IsWorkingDay(DateOnly localDate)
    {
        if (_table.Holidays.ContainsKey(localDate))
        {
            return false;
        }

        return _table.MakeUpWorkingDays.ContainsKey(localDate) || !_weekend[(int)localDate.DayOfWeek];
    }

    /// <summary>The holiday's name (e.g. 春节) if <paramref name="localDate"/> is a public holiday, else null.</summary>
    public string? HolidayOn(DateOnly localDate) => _table.Holidays.GetValueOrDefault(localDate);

    /// <summary>The holiday a worked weekend day makes up for, if <paramref name="localDate"/> is one, else null.</summary>
    public string? MakeUpWorkingDayFor(DateOnly localDate) => _table.MakeUpWorkingDays.GetValueOrDefault(localDate);

    /// <summary>The calendar's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public bool IsWorkingTime(DateTimeOffset instant)
    {
        foreach (var interval in Day(LocalDate(instant)).Intervals)
        {
            if (instant >= interval.Start && instant < interval.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="instant"/> itself if it is working time, else the next opening.</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        foreach (var interval in Day(date).Intervals)
        {
            if (instant < interval.End)
            {
                return (instant >= interval.Start ? instant : interval.Start).ToUniversalTime();
            }
        }

        return NextDayWithWork(date).Opening;
    }

    /// <summary>Working time in [<paramref name="from"/>, <paramref name="to"/>); negative if <paramref name="to"/> is earlier.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var first = LocalDate(from);
        var last = LocalDate(to);
        if (first == last)
        {
            return Day(first).WorkingTimeWithin(from, to);
        }

        var total = Day(first).WorkingTimeWithin(from, DateTimeOffset.MaxValue);
        for (var date = first.AddDays(1); date < last; date = date.AddDays(1))
        {
            total += Day(date).WorkingTime;
        }

        return total + Day(last).WorkingTimeWithin(DateTimeOffset.MinValue, to);
    }

    /// <summary>
    /// The earliest instant at which <paramref name="workingDuration"/> of working time has elapsed since
    /// <paramref name="start"/>. "Earliest" matters at the edges: 2 working hours from 15:30 end at 17:30 (the close),
    /// not at the next morning's opening; a zero duration returns <paramref name="start"/>.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingDuration)
    {
        if (workingDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDuration), workingDuration, "Working time to add cannot be negative.");
        }

        if (workingDuration == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var remaining = workingDuration;
        var date = LocalDate(start);
        foreach (var interval in Day(date).Intervals)
        {
            if (interval.End <= start)
            {
                continue;
            }

            var from = interval.Start > start ? interval.Start : start.ToUniversalTime();
            var available = interval.End - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        // Whole days are skipped by their total; only the last day is walked period by period.
        var daysWithoutWork = 0;
        while (true)
        {
            date = date.AddDays(1);
            var day = Day(date);
            if (!day.HasWorkingTime)
            {
                if (++daysWithoutWork > MaxDaysWithoutWork)
                {
                    throw NoWorkingDays(date);
                }

                continue;
            }

            daysWithoutWork = 0;
            if (remaining > day.WorkingTime)
            {
                remaining -= day.WorkingTime;
                continue;
            }

            foreach (var interval in day.Intervals)
            {
                if (remaining <= interval.Length)
                {
                    return interval.Start + remaining;
                }

                remaining -= interval.Length;
            }
        }
    }

    /// <summary>
    /// The deadline of <paramref name="days"/> working days from <paramref name="start"/>. The rule:
    /// <list type="number">
    /// <item>The start day is the local date of <see cref="NextWorkingInstant"/>(start): the start's own date if the
    /// start is on a working day before its close of business (before opening counts too), otherwise the next
    /// working day. So work received after hours, on a weekend or on a holiday is treated as received at the next
    /// opening.</item>
    /// <item>The start day itself is not counted (as in law: 开始的当日不计入); the deadline is the close of business
    /// of the <paramref name="days"/>-th working day after the start day.</item>
    /// <item>Zero days ("same day", 当日) is therefore the close of business of the start day.</item>
    /// </list>
    /// Example: 3 working days from Monday 10:00 end Thursday 17:30; from Monday 20:00 they end Friday 17:30.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var startDay = LocalDate(NextWorkingInstant(start));
        return CloseOfBusiness(AddWorkingDays(startDay, days));
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="workingDay"/> (itself for zero).</summary>
    public DateOnly AddWorkingDays(DateOnly workingDay, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        RequireWorkingDay(workingDay);
        var date = workingDay;
        for (var counted = 0; counted < days; counted++)
        {
            date = NextDayWithWork(date).Date;
        }

        return date;
    }

    /// <summary>The first working day after <paramref name="localDate"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly localDate) => NextDayWithWork(localDate).Date;

    /// <summary>
    /// Moves <paramref name="instant"/> <paramref name="days"/> working days later keeping its place in the working
    /// day: Tuesday 11:00 + 1 is Wednesday 11:00, Thursday 17:30 (the close) + 1 is Friday 17:30. An instant outside
    /// working time counts as the previous close (Monday 20:00 + 1 is Tuesday 17:30). This is how an extension of N
    /// working days (延期) moves a deadline.
    /// </summary>
    public DateTimeOffset ShiftWorkingDays(DateTimeOffset instant, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);

        // The working day the instant belongs to: the latest one that opened strictly before it.
        var date = LocalDate(instant);
        var daysBack = 0;
        while (Day(date) is var day && !(day.HasWorkingTime && day.Opening < instant))
        {
            if (++daysBack > MaxDaysWithoutWork)
            {
                throw NoWorkingDays(date);
            }

            date = date.AddDays(-1);
        }

        var home = Day(date);
        var position = home.WorkingTimeWithin(home.Opening, instant < home.Close ? instant : home.Close);
        var target = Day(AddWorkingDays(date, days));
        return AddWorkingTime(target.Opening, position < target.WorkingTime ? position : target.WorkingTime);
    }

    /// <summary>When <paramref name="workingDay"/>'s first working period begins.</summary>
    public DateTimeOffset OpeningOfBusiness(DateOnly workingDay) => RequireWorkingDay(workingDay).Opening;

    /// <summary>When <paramref name="workingDay"/>'s last working period ends (下班).</summary>
    public DateTimeOffset CloseOfBusiness(DateOnly workingDay) => RequireWorkingDay(workingDay).Close;

    /// <summary>Total working time on <paramref name="localDate"/> (zero on a non-working day).</summary>
    public TimeSpan WorkingTimeOn(DateOnly localDate) => Day(localDate).WorkingTime;

    private BusinessDay Day(DateOnly date) => _days.GetOrAdd(date, static (d, calendar) => calendar.BuildDay(d), this);

    private BusinessDay BuildDay(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            return new BusinessDay(date, []);
        }

        var intervals = new List<WorkingInterval>(_periods.Length);
        foreach (var period in _periods)
        {
            var start = ToUtc(date, period.Start);
            var end = ToUtc(date, period.End);
            if (end > start)
            {
                intervals.Add(new WorkingInterval(start, end));
            }
        }

        return new BusinessDay(date, [.. intervals]);
    }

    private DateTimeOffset ToUtc(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        TimeSpan offset;
        if (TimeZone.IsInvalidTime(local))
        {
            // Inside a spring-forward gap: read with the offset in force before the jump, which lands after it.
            offset = TimeZone.GetUtcOffset(local.AddDays(-1));
        }
        else if (TimeZone.IsAmbiguousTime(local))
        {
            // The first occurrence: the larger offset gives the earlier instant.
            offset = TimeZone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = TimeZone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private BusinessDay NextDayWithWork(DateOnly after)
    {
        var date = after;
        for (var i = 0; i < MaxDaysWithoutWork; i++)
        {
            date = date.AddDays(1);
            var day = Day(date);
            if (day.HasWorkingTime)
            {
                return day;
            }
        }

        throw NoWorkingDays(after);
    }

    private BusinessDay RequireWorkingDay(DateOnly date)
    {
        var day = Day(date);
        if (!day.HasWorkingTime)
        {
            throw new ArgumentException($"{date:yyyy-MM-dd} is not a working day.", nameof(date));
        }

        return day;
    }

    private static InvalidOperationException NoWorkingDays(DateOnly near) =>
        new($"The calendar has no working time for {MaxDaysWithoutWork} days around {near:yyyy-MM-dd}; check its holidays and weekend days.");

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new CalendarDataException("The calendar's time zone id is empty.");
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CalendarDataException($"Time zone '{id}' is not known on this machine (is tzdata installed?).", innerException: ex);
        }
    }

    private static WorkingPeriod[] ValidatePeriods(IReadOnlyList<WorkingPeriod> periods)
    {
        if (periods.Count == 0)
        {
            throw new CalendarDataException("The calendar has no daily working periods.");
        }

        foreach (var period in periods)
        {
            if (period.End <= period.Start)
            {
                throw new CalendarDataException($"Working period {period} ends before it starts (periods cannot cross midnight).");
            }
        }

        var ordered = periods.OrderBy(p => p.Start).ToArray();
        for (var i = 1; i < ordered.Length; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                throw new CalendarDataException($"Working periods {ordered[i - 1]} and {ordered[i]} overlap.");
            }
        }

        return ordered;
    }
}
