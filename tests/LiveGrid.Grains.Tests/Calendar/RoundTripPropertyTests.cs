using LiveGrid.Grains.Calendar;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Calendar;

/// <summary>
/// Properties over many seeded random instants around 2026 (holidays, make-up days and the data's edge included).
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly DateTimeOffset RangeStart = At("2025-12-01 00:00");
    private static readonly TimeSpan Range = At("2027-01-31 00:00") - RangeStart;

    private readonly BusinessCalendar _calendar = BusinessCalendar.Default;

    [Fact]
    public void Adding_the_working_time_between_a_and_b_to_a_lands_on_b()
    {
        var random = new Random(20260215);
        for (var i = 0; i < 5_000; i++)
        {
            var a = RandomInstant(random);

            // Mostly short spans, sometimes up to two months.
            var span = TimeSpan.FromTicks((long)(random.NextDouble() * (i % 10 == 0 ? TimeSpan.FromDays(60) : TimeSpan.FromDays(4)).Ticks));
            var b = a + span;

            var between = _calendar.WorkingTimeBetween(a, b);
            var landed = _calendar.AddWorkingTime(a, between);

            // AddWorkingTime gives the earliest instant with that much working time: b itself inside working time, the
            // previous close when b is after hours. Both open on the same working instant.
            _calendar.NextWorkingInstant(landed).Should().Be(_calendar.NextWorkingInstant(b), $"a = {Show(a)}, b = {Show(b)}");
            landed.Should().BeOnOrBefore(b);
            _calendar.WorkingTimeBetween(landed, b).Should().Be(TimeSpan.Zero, $"a = {Show(a)}, b = {Show(b)}");
            _calendar.WorkingTimeBetween(a, landed).Should().Be(between);
            if (_calendar.IsWorkingTime(b - TimeSpan.FromTicks(1)) && _calendar.IsWorkingTime(b))
            {
                landed.Should().Be(b, "strictly inside working time the round trip is exact");
            }
        }
    }

    [Fact]
    public void Working_time_between_agrees_with_a_minute_by_minute_count()
    {
        // The slow oracle: count the whole minutes that are working time, using only IsWorkingTime (checked by its own
        // table). Instants are whole minutes so the two measures must agree exactly.
        var random = new Random(4_11_2025);
        for (var i = 0; i < 200; i++)
        {
            var a = RandomWholeMinute(random);
            var b = a + TimeSpan.FromMinutes(random.Next(0, 4 * 24 * 60));

            var minutes = 0;
            for (var t = a; t < b; t += TimeSpan.FromMinutes(1))
            {
                minutes += _calendar.IsWorkingTime(t) ? 1 : 0;
            }

            _calendar.WorkingTimeBetween(a, b).Should().Be(TimeSpan.FromMinutes(minutes), $"a = {Show(a)}, b = {Show(b)}");
        }
    }

    [Fact]
    public void Working_days_deadlines_are_closes_of_working_days_after_the_start()
    {
        var random = new Random(1001);
        for (var i = 0; i < 2_000; i++)
        {
            var start = RandomInstant(random);
            var days = random.Next(0, 25);

            var deadline = _calendar.AddWorkingDays(start, days);
            var startDay = _calendar.LocalDate(_calendar.NextWorkingInstant(start));
            var deadlineDay = _calendar.LocalDate(deadline);

            deadline.Should().Be(_calendar.CloseOfBusiness(deadlineDay));
            deadline.Should().BeAfter(start);

            // Exactly `days` working days lie after the start day, up to and including the deadline's day.
            var counted = 0;
            for (var date = startDay.AddDays(1); date <= deadlineDay; date = date.AddDays(1))
            {
                counted += _calendar.IsWorkingDay(date) ? 1 : 0;
            }

            counted.Should().Be(days, $"start = {Show(start)}");
        }
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        RangeStart + TimeSpan.FromTicks((long)(random.NextDouble() * Range.Ticks));

    private static DateTimeOffset RandomWholeMinute(Random random) =>
        RangeStart + TimeSpan.FromMinutes(random.Next(0, (int)Range.TotalMinutes));
}
