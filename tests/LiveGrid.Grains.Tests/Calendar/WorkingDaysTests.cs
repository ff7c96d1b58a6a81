using LiveGrid.Grains.Calendar;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Calendar;

/// <summary>
/// Deadlines in working days. The rule under test (BusinessCalendar.AddWorkingDays): the start day is the date of
/// the next working instant (the start's own day if it is a working day and the start is before its close; otherwise
/// the next working day); the deadline is the close (17:30) of the N-th working day after the start day; 0 is the
/// start day's close ("same day").
/// </summary>
public sealed class WorkingDaysTests
{
    private readonly BusinessCalendar _calendar = BusinessCalendar.Default;

    [Theory]
    // Mon 10:00: start day Mon; Tue 1, Wed 2, Thu 3.
    [InlineData("2026-03-09 10:00", 3, "2026-03-12 17:30")]
    // Before opening: still Monday's start day.
    [InlineData("2026-03-09 07:00", 3, "2026-03-12 17:30")]
    // After hours: start day Tue; Wed 1, Thu 2, Fri 3.
    [InlineData("2026-03-09 20:00", 3, "2026-03-13 17:30")]
    // One tick before close counts on Monday; at the close it is Tuesday's.
    [InlineData("2026-03-09 17:29:59.9999999", 1, "2026-03-10 17:30")]
    [InlineData("2026-03-09 17:30", 1, "2026-03-11 17:30")]
    // Saturday: start day Mon; Tue 1.
    [InlineData("2026-03-07 10:00", 1, "2026-03-10 17:30")]
    // Same day (0): the start day's close.
    [InlineData("2026-03-09 10:00", 0, "2026-03-09 17:30")]
    [InlineData("2026-03-09 20:00", 0, "2026-03-10 17:30")]
    [InlineData("2026-03-07 10:00", 0, "2026-03-09 17:30")]
    // Start in 春节 (Mon 02-16): start day Tue 02-24; Wed 1, Thu 2, Fri 3.
    [InlineData("2026-02-16 10:00", 3, "2026-02-27 17:30")]
    // Across 春节: start Thu 02-12; Fri 13 is 1, make-up Sat 14 is 2, Tue 24 is 3.
    [InlineData("2026-02-12 10:00", 3, "2026-02-24 17:30")]
    // 13 working days (a complaint) from Thu 02-12: Fri 13 (1), Sat 14 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5),
    // Fri 27 (6), make-up Sat 28 (7), Mon 3-02 (8), Tue 3 (9), Wed 4 (10), Thu 5 (11), Fri 6 (12), Mon 9 (13).
    [InlineData("2026-02-12 10:00", 13, "2026-03-09 17:30")]
    // 20 working days (a demolition) from Mon 03-02: four whole weeks; Mon 30 is the 20th.
    [InlineData("2026-03-02 09:00", 20, "2026-03-30 17:30")]
    // 元旦 Fri 01-02: start day is the make-up Sunday 01-04, which is also the same-day deadline.
    [InlineData("2026-01-02 10:00", 0, "2026-01-04 17:30")]
    // From 2025 (no data: weekends only): Wed 12-31 start day; 1st working day after is Sun 2026-01-04 (make-up).
    [InlineData("2025-12-31 10:00", 1, "2026-01-04 17:30")]
    // 清明 Apr 4-6: Fri 04-03 → Tue 04-07.
    [InlineData("2026-04-03 10:00", 1, "2026-04-07 17:30")]
    // 劳动节 May 1-5: Thu 04-30 → Wed 05-06 (1), Thu 07 (2), Fri 08 (3), make-up Sat 09 (4).
    [InlineData("2026-04-30 10:00", 1, "2026-05-06 17:30")]
    [InlineData("2026-04-30 10:00", 4, "2026-05-09 17:30")]
    // 端午 Jun 19-21: Thu 06-18 → Mon 06-22.
    [InlineData("2026-06-18 10:00", 1, "2026-06-22 17:30")]
    // Make-up Sun 09-20 for 国庆: Fri 09-18 → Sun 09-20.
    [InlineData("2026-09-18 10:00", 1, "2026-09-20 17:30")]
    // 中秋 Sep 25-27: Thu 09-24 → Mon 09-28.
    [InlineData("2026-09-24 10:00", 1, "2026-09-28 17:30")]
    // 国庆 Oct 1-7: Tue 09-29 → Wed 09-30 (1), Thu 10-08 (2).
    [InlineData("2026-09-29 10:00", 2, "2026-10-08 17:30")]
    public void Add_working_days(string start, int days, string expected)
    {
        _calendar.AddWorkingDays(At(start), days).ShouldBeAt(expected);
    }

    [Fact]
    public void Negative_working_days_are_refused()
    {
        var act = () => _calendar.AddWorkingDays(At("2026-03-09 10:00"), -1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    // Fri 02-13 → make-up Sat 02-14 (1) → Tue 02-24 (2).
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-03-09", 0, "2026-03-09")]
    [InlineData("2026-09-30", 1, "2026-10-08")]
    public void Add_working_days_to_a_date(string date, int days, string expected)
    {
        _calendar.AddWorkingDays(Day(date), days).Should().Be(Day(expected));
    }

    [Fact]
    public void Adding_working_days_to_a_date_needs_a_working_day()
    {
        var act = () => _calendar.AddWorkingDays(Day("2026-03-07"), 1);

        act.Should().Throw<ArgumentException>().WithMessage("*2026-03-07 is not a working day*");
        _calendar.NextWorkingDay(Day("2026-03-07")).Should().Be(Day("2026-03-09"));
        _calendar.NextWorkingDay(Day("2026-02-14")).Should().Be(Day("2026-02-24"));
    }

    [Theory]
    // Keeps the place in the working day.
    [InlineData("2026-03-10 11:00", 1, "2026-03-11 11:00")]
    [InlineData("2026-03-12 17:30", 1, "2026-03-13 17:30")] // a close stays a close
    // Outside working time counts as the previous close.
    [InlineData("2026-03-09 20:00", 1, "2026-03-10 17:30")]
    [InlineData("2026-03-09 07:00", 1, "2026-03-09 17:30")] // = Fri 03-06 close, + 1 = Mon close
    [InlineData("2026-03-10 09:00", 1, "2026-03-10 17:30")] // the opening is the same working instant as Mon's close
    // Lunch: 3h into Wednesday; Thursday + 3h ends at 12:00.
    [InlineData("2026-03-11 12:30", 1, "2026-03-12 12:00")]
    // Fri 02-13 15:00 → make-up Sat 02-14 (1) → Tue 02-24 (2), same time.
    [InlineData("2026-02-13 15:00", 2, "2026-02-24 15:00")]
    public void Shift_working_days(string instant, int days, string expected)
    {
        _calendar.ShiftWorkingDays(At(instant), days).ShouldBeAt(expected);
    }
}
