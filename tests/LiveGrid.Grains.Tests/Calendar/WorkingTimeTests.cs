using LiveGrid.Grains.Calendar;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Calendar;

/// <summary>
/// Working-time arithmetic on the default calendar (Shanghai, 09:00-12:00 and 13:30-17:30, 7 h a day). Expected values
/// are computed by hand in the comments. 2026-03-09 is a Monday; 2026-03-07/08 a weekend.
/// </summary>
public sealed class WorkingTimeTests
{
    private readonly BusinessCalendar _calendar = BusinessCalendar.Default;

    [Theory]
    [InlineData("2026-03-09 08:59:59", false)]
    [InlineData("2026-03-09 09:00", true)] // opening is inside
    [InlineData("2026-03-09 11:59:59", true)]
    [InlineData("2026-03-09 12:00", false)] // the end of a period is outside
    [InlineData("2026-03-09 13:29:59", false)]
    [InlineData("2026-03-09 13:30", true)]
    [InlineData("2026-03-09 17:29:59", true)]
    [InlineData("2026-03-09 17:30", false)]
    [InlineData("2026-03-07 10:00", false)] // Saturday
    [InlineData("2026-02-14 10:00", true)] // Saturday, make-up day
    [InlineData("2026-01-04 16:00", true)] // Sunday, make-up day
    [InlineData("2026-02-16 10:00", false)] // Monday in 春节
    public void Working_time_is_the_periods_of_working_days(string local, bool expected)
    {
        _calendar.IsWorkingTime(At(local)).Should().Be(expected);
    }

    [Fact]
    public void Instants_with_any_offset_are_the_same_instant()
    {
        // 10:00 in Shanghai is 02:00Z and 03:00 in Paris (+01:00 in March): the same working instant.
        var paris = new DateTimeOffset(2026, 3, 9, 3, 0, 0, TimeSpan.FromHours(1));

        _calendar.IsWorkingTime(paris).Should().BeTrue();
        _calendar.NextWorkingInstant(paris).Should().Be(At("2026-03-09 10:00"));
        _calendar.NextWorkingInstant(paris).Offset.Should().Be(TimeSpan.Zero);
        _calendar.LocalDate(new DateTimeOffset(2026, 3, 8, 16, 0, 0, TimeSpan.Zero)).Should().Be(Day("2026-03-09"), "16:00Z is midnight in Shanghai");
    }

    [Theory]
    [InlineData("2026-03-09 10:00", "2026-03-09 10:00")] // inside: itself
    [InlineData("2026-03-09 07:00", "2026-03-09 09:00")] // before opening
    [InlineData("2026-03-09 12:00", "2026-03-09 13:30")] // lunch
    [InlineData("2026-03-09 12:45", "2026-03-09 13:30")]
    [InlineData("2026-03-09 17:30", "2026-03-10 09:00")] // at close: next morning
    [InlineData("2026-03-13 18:00", "2026-03-16 09:00")] // Friday evening: Monday
    [InlineData("2026-03-07 10:00", "2026-03-09 09:00")] // Saturday: Monday
    [InlineData("2026-02-13 17:30", "2026-02-14 09:00")] // Friday close: the make-up Saturday
    [InlineData("2026-02-14 17:30", "2026-02-24 09:00")] // after the make-up Saturday: 春节 Feb 15-23
    [InlineData("2026-01-03 10:00", "2026-01-04 09:00")] // 元旦 Saturday: the make-up Sunday
    [InlineData("2026-09-30 17:30", "2026-10-08 09:00")] // 国庆节 Oct 1-7
    [InlineData("2026-12-31 17:30", "2027-01-01 09:00")] // no 2027 data: weekends only
    public void Next_working_instant(string local, string expected)
    {
        _calendar.NextWorkingInstant(At(local)).ShouldBeAt(expected);
    }

    [Theory]
    [InlineData("2026-03-09 10:00", 1.0, "2026-03-09 11:00")]
    // 10:00-12:00 is exactly 2h: the earliest instant is the end of the morning, not 13:30.
    [InlineData("2026-03-09 10:00", 2.0, "2026-03-09 12:00")]
    // 10:00-12:00 = 2h, then 13:30 + 1h.
    [InlineData("2026-03-09 10:00", 3.0, "2026-03-09 14:30")]
    // 15:30-17:30 = 2h: due at the close, not next morning.
    [InlineData("2026-03-09 15:30", 2.0, "2026-03-09 17:30")]
    // 15:30-17:30 = 2h; Tue 09:00 + 2h.
    [InlineData("2026-03-09 15:30", 4.0, "2026-03-10 11:00")]
    // After hours: Tue 09:00-12:00 = 3h, 13:30 + 1h.
    [InlineData("2026-03-09 20:00", 4.0, "2026-03-10 14:30")]
    // Saturday: Monday 09:00 + 1h.
    [InlineData("2026-03-07 10:00", 1.0, "2026-03-09 10:00")]
    // Fri 16:00-17:30 = 1.5h; Mon 09:00-12:00 = 3h (4.5h); 13:30 + 2.5h.
    [InlineData("2026-03-13 16:00", 7.0, "2026-03-16 16:00")]
    // Five whole days (Mon-Fri, 35h), then Mon 03-16: 3h in the morning, 13:30 + 2h.
    [InlineData("2026-03-09 09:00", 40.0, "2026-03-16 15:30")]
    // Fri 02-13 16:00-17:30 = 1.5h; the make-up Saturday 09:00 + 2.5h.
    [InlineData("2026-02-13 16:00", 4.0, "2026-02-14 11:30")]
    // Make-up Saturday 15:00-17:30 = 2.5h; 春节 Feb 15-23; Tue 02-24 09:00 + 1.5h.
    [InlineData("2026-02-14 15:00", 4.0, "2026-02-24 10:30")]
    // Start on a holiday: all 7h on Tue 02-24, ending at its close.
    [InlineData("2026-02-16 10:00", 7.0, "2026-02-24 17:30")]
    // 元旦 Saturday 12:00: make-up Sunday 09:00 + 2h.
    [InlineData("2026-01-03 12:00", 2.0, "2026-01-04 11:00")]
    // Thu 04-30 17:00-17:30 = 0.5h; 劳动节 May 1-5; Wed 05-06 09:00 + 1.5h.
    [InlineData("2026-04-30 17:00", 2.0, "2026-05-06 10:30")]
    // Wed 09-30 17:00-17:30 = 0.5h; 国庆节 Oct 1-7; Thu 10-08 09:00 + 0.5h.
    [InlineData("2026-09-30 17:00", 1.0, "2026-10-08 09:30")]
    // Zero: the start itself, even outside working time.
    [InlineData("2026-03-07 10:00", 0.0, "2026-03-07 10:00")]
    public void Add_working_time(string start, double hours, string expected)
    {
        _calendar.AddWorkingTime(At(start), TimeSpan.FromHours(hours)).ShouldBeAt(expected);
    }

    [Fact]
    public void Adding_negative_working_time_is_refused()
    {
        var act = () => _calendar.AddWorkingTime(At("2026-03-09 10:00"), TimeSpan.FromMinutes(-1));

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*cannot be negative*");
    }

    [Theory]
    [InlineData("2026-03-09 09:00", "2026-03-09 17:30", 7.0)]
    // 10:30-12:00 = 1.5h; 13:30-14:00 = 0.5h.
    [InlineData("2026-03-09 10:30", "2026-03-09 14:00", 2.0)]
    // All in the lunch break.
    [InlineData("2026-03-09 12:10", "2026-03-09 13:20", 0.0)]
    // Fri 16:00-17:30 = 1.5h; Mon 09:00-10:00 = 1h.
    [InlineData("2026-03-13 16:00", "2026-03-16 10:00", 2.5)]
    // A weekend holds none.
    [InlineData("2026-03-07 00:00", "2026-03-09 00:00", 0.0)]
    // Fri 02-13 7h + make-up Sat 02-14 7h; 春节 Feb 15-23 none.
    [InlineData("2026-02-13 09:00", "2026-02-24 09:00", 14.0)]
    // March 2026: 22 weekdays (2-6, 9-13, 16-20, 23-27, 30-31) x 7h.
    [InlineData("2026-03-01 00:00", "2026-04-01 00:00", 154.0)]
    // February 2026: weekdays 2-6, 9-13, 24-27 (16-20 and 23 are 春节) = 14, + make-up Sat 14 and 28 = 16 days x 7h.
    [InlineData("2026-02-01 00:00", "2026-03-01 00:00", 112.0)]
    // October 2026: weekdays 8-9, 12-16, 19-23, 26-30 = 17 (1-2 and 5-7 are 国庆节), + make-up Sat 10 = 18 days x 7h.
    [InlineData("2026-10-01 00:00", "2026-11-01 00:00", 126.0)]
    // Reversed: negative.
    [InlineData("2026-03-09 17:30", "2026-03-09 09:00", -7.0)]
    public void Working_time_between(string from, string to, double hours)
    {
        _calendar.WorkingTimeBetween(At(from), At(to)).Should().Be(TimeSpan.FromHours(hours));
    }

    [Fact]
    public void Long_spans_are_summed_day_by_day()
    {
        // Twenty years without holiday data: an oracle that counts weekdays one by one (7h each) must agree with the
        // calendar. 2026's holidays are excluded by starting in 2027.
        var from = Day("2027-01-01");
        var to = Day("2047-01-01");
        var weekdays = 0;
        for (var date = from; date < to; date = date.AddDays(1))
        {
            weekdays += date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        var total = _calendar.WorkingTimeBetween(At("2027-01-01 00:00"), At("2047-01-01 00:00"));

        total.Should().Be(TimeSpan.FromHours(7) * weekdays);
        _calendar.AddWorkingTime(At("2027-01-01 00:00"), total).ShouldBeAt("2046-12-31 17:30");
    }
}
