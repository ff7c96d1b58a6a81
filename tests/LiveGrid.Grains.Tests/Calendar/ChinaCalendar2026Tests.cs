using LiveGrid.Grains.Calendar;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Calendar;

/// <summary>
/// The shipped 2026 data against the State Council notice of 2025-11-04: every holiday block's edges, every make-up
/// day, and ordinary weekends.
/// </summary>
public sealed class ChinaCalendar2026Tests
{
    private readonly BusinessCalendar _calendar = BusinessCalendar.Default;

    [Theory]
    // 元旦 Jan 1-3 (Thu-Sat) off; Sun Jan 4 worked.
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", false)]
    [InlineData("2026-01-03", false)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-01-05", true)]
    // 春节 Feb 15-23 (Sun-Mon) off; Sat Feb 14 and Sat Feb 28 worked.
    [InlineData("2026-02-13", true)]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-02-20", false)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-24", true)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-01", false)]
    // 清明节 Apr 4-6 (Sat-Mon) off, no make-up day.
    [InlineData("2026-04-03", true)]
    [InlineData("2026-04-04", false)]
    [InlineData("2026-04-06", false)]
    [InlineData("2026-04-07", true)]
    // 劳动节 May 1-5 (Fri-Tue) off; Sat May 9 worked.
    [InlineData("2026-04-30", true)]
    [InlineData("2026-05-01", false)]
    [InlineData("2026-05-04", false)]
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-06", true)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-05-10", false)]
    // 端午节 Jun 19-21 (Fri-Sun) off.
    [InlineData("2026-06-18", true)]
    [InlineData("2026-06-19", false)]
    [InlineData("2026-06-22", true)]
    // 中秋节 Sep 25-27 (Fri-Sun) off; 国庆节 Oct 1-7 (Thu-Wed) off; Sun Sep 20 and Sat Oct 10 worked.
    [InlineData("2026-09-19", false)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-09-24", true)]
    [InlineData("2026-09-25", false)]
    [InlineData("2026-09-28", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2026-10-05", false)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    // Ordinary weekend and weekday.
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-08", false)]
    [InlineData("2026-03-09", true)]
    public void Working_days_follow_the_2026_notice(string date, bool expected)
    {
        _calendar.IsWorkingDay(Day(date)).Should().Be(expected);
    }

    [Theory]
    [InlineData("2026-01-01", "元旦")]
    [InlineData("2026-02-15", "春节")]
    [InlineData("2026-02-23", "春节")]
    [InlineData("2026-04-05", "清明节")]
    [InlineData("2026-05-03", "劳动节")]
    [InlineData("2026-06-20", "端午节")]
    [InlineData("2026-09-26", "中秋节")]
    [InlineData("2026-10-07", "国庆节")]
    public void Holidays_carry_their_chinese_names(string date, string name)
    {
        _calendar.HolidayOn(Day(date)).Should().Be(name);
    }

    [Theory]
    [InlineData("2026-01-04", "元旦")]
    [InlineData("2026-02-14", "春节")]
    [InlineData("2026-02-28", "春节")]
    [InlineData("2026-05-09", "劳动节")]
    [InlineData("2026-09-20", "国庆节")]
    [InlineData("2026-10-10", "国庆节")]
    public void Make_up_days_name_the_holiday_they_make_up_for(string date, string holiday)
    {
        _calendar.MakeUpWorkingDayFor(Day(date)).Should().Be(holiday);
        _calendar.HolidayOn(Day(date)).Should().BeNull();
    }

    [Fact]
    public void The_year_2026_has_248_working_days_of_7_hours()
    {
        // 365 days - 104 weekend days = 261 weekdays; weekday holidays: 元旦 2 (Jan 1, 2), 春节 6 (Feb 16-20, 23),
        // 清明 1 (Apr 6), 劳动 3 (May 1, 4, 5), 端午 1 (Jun 19), 中秋 1 (Sep 25), 国庆 5 (Oct 1, 2, 5, 6, 7) = 19;
        // make-up days 6 (Jan 4, Feb 14, Feb 28, May 9, Sep 20, Oct 10). 261 - 19 + 6 = 248.
        var workingDays = 0;
        for (var date = Day("2026-01-01"); date.Year == 2026; date = date.AddDays(1))
        {
            workingDays += _calendar.IsWorkingDay(date) ? 1 : 0;
        }

        workingDays.Should().Be(248);

        // 248 days x (3h + 4h), summed day by day, not minute by minute.
        _calendar.WorkingTimeBetween(At("2026-01-01 00:00"), At("2027-01-01 00:00")).Should().Be(TimeSpan.FromHours(248 * 7));
    }

    [Fact]
    public void Outside_2026_the_calendar_knows_weekends_only_and_says_so()
    {
        _calendar.HasDataFor(2026).Should().BeTrue();
        _calendar.HasDataFor(2025).Should().BeFalse();
        _calendar.HasDataFor(2027).Should().BeFalse();
        _calendar.DataYears.Should().Equal(2026);

        // 2027-01-01 (a Friday) will surely be 元旦, but without data it is a plain weekday.
        _calendar.IsWorkingDay(Day("2027-01-01")).Should().BeTrue();
        _calendar.IsWorkingDay(Day("2027-01-02")).Should().BeFalse("it is a Saturday");
        _calendar.HolidayOn(Day("2027-01-01")).Should().BeNull();
    }

    [Fact]
    public void The_default_calendar_is_Shanghai_office_hours()
    {
        _calendar.TimeZone.Id.Should().Be("Asia/Shanghai");
        _calendar.WorkingPeriods.Select(p => p.ToString()).Should().Equal("09:00-12:00", "13:30-17:30");
        _calendar.WeekendDays.Should().BeEquivalentTo([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        _calendar.WorkingTimeOn(Day("2026-03-09")).Should().Be(TimeSpan.FromHours(7));
        _calendar.WorkingTimeOn(Day("2026-03-07")).Should().Be(TimeSpan.Zero);
        _calendar.OpeningOfBusiness(Day("2026-02-14")).ShouldBeAt("2026-02-14 09:00");
        _calendar.CloseOfBusiness(Day("2026-02-14")).ShouldBeAt("2026-02-14 17:30");
    }

    [Fact]
    public void Opening_and_close_of_a_non_working_day_are_refused()
    {
        var act = () => _calendar.CloseOfBusiness(Day("2026-02-16"));

        act.Should().Throw<ArgumentException>().WithMessage("*2026-02-16 is not a working day*");
    }
}
