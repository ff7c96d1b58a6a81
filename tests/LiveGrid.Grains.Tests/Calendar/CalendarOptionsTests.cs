using LiveGrid.Grains.Calendar;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Calendar;

/// <summary>A city's own hours, weekends and holiday data, and the errors bad data gives.</summary>
public sealed class CalendarOptionsTests
{
    [Fact]
    public void A_city_can_set_its_own_working_periods()
    {
        // 08:30-12:00 (3.5h) and 14:00-18:00 (4h): 7.5h a day.
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions
        {
            WorkingPeriods = [new(new(14, 0), new(18, 0)), new(new(8, 30), new(12, 0))],
        });

        calendar.WorkingPeriods.Select(p => p.ToString()).Should().Equal("08:30-12:00", "14:00-18:00");
        calendar.IsWorkingTime(At("2026-03-09 08:30")).Should().BeTrue();
        calendar.IsWorkingTime(At("2026-03-09 13:59")).Should().BeFalse();
        calendar.IsWorkingTime(At("2026-03-09 17:59")).Should().BeTrue();
        calendar.IsWorkingTime(At("2026-03-09 18:00")).Should().BeFalse();
        calendar.WorkingTimeOn(Day("2026-03-09")).Should().Be(TimeSpan.FromHours(7.5));

        // 11:00-12:00 = 1h; 14:00 + 1h.
        calendar.AddWorkingTime(At("2026-03-09 11:00"), TimeSpan.FromHours(2)).ShouldBeAt("2026-03-09 15:00");
        calendar.AddWorkingDays(At("2026-03-09 10:00"), 1).ShouldBeAt("2026-03-10 18:00");

        // The shipped holidays still apply.
        calendar.IsWorkingDay(Day("2026-10-01")).Should().BeFalse();
    }

    [Fact]
    public void A_city_can_set_its_own_weekend()
    {
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions { WeekendDays = [DayOfWeek.Sunday] });

        calendar.IsWorkingDay(Day("2026-03-07")).Should().BeTrue("Saturday is a working day here");
        calendar.IsWorkingDay(Day("2026-03-08")).Should().BeFalse();
        calendar.NextWorkingInstant(At("2026-03-06 18:00")).ShouldBeAt("2026-03-07 09:00");
    }

    [Fact]
    public void A_configured_year_replaces_the_shipped_one()
    {
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions
        {
            Years =
            [
                new CalendarYear
                {
                    Year = 2026,
                    Holidays = [new HolidayPeriod { Name = "春节", From = Day("2026-02-16"), To = Day("2026-02-18") }],
                },
            ],
        });

        calendar.IsWorkingDay(Day("2026-02-18")).Should().BeFalse();
        calendar.IsWorkingDay(Day("2026-02-19")).Should().BeTrue("the configured 春节 ends on the 18th");
        calendar.IsWorkingDay(Day("2026-01-01")).Should().BeTrue("the shipped 2026 (with 元旦) is replaced");
        calendar.IsWorkingDay(Day("2026-02-14")).Should().BeFalse("no make-up day is configured");
    }

    [Fact]
    public void A_configured_year_adds_to_the_shipped_ones()
    {
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions
        {
            Years = [new CalendarYear { Year = 2027, Holidays = [new HolidayPeriod { Name = "元旦", From = Day("2027-01-01") }] }],
        });

        calendar.DataYears.Should().Equal(2026, 2027);
        calendar.HasDataFor(2027).Should().BeTrue();
        calendar.IsWorkingDay(Day("2027-01-01")).Should().BeFalse();
        calendar.HolidayOn(Day("2027-01-01")).Should().Be("元旦");
        calendar.IsWorkingDay(Day("2026-10-01")).Should().BeFalse("the shipped 2026 is still there");
    }

    [Fact]
    public void Without_built_in_data_only_weekends_count()
    {
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions { UseBuiltInData = false });

        calendar.HasDataFor(2026).Should().BeFalse();
        calendar.IsWorkingDay(Day("2026-10-01")).Should().BeTrue();
        calendar.IsWorkingDay(Day("2026-02-14")).Should().BeFalse("without data the make-up Saturday is a Saturday");
    }

    [Fact]
    public void A_date_that_is_both_holiday_and_make_up_day_is_named()
    {
        // The make-up day of one block falls inside another block.
        var options = new BusinessCalendarOptions
        {
            UseBuiltInData = false,
            Years =
            [
                new CalendarYear
                {
                    Year = 2026,
                    Holidays =
                    [
                        new HolidayPeriod { Name = "国庆节", From = Day("2026-10-01"), To = Day("2026-10-07"), MakeUpWorkingDays = [Day("2026-10-10")] },
                        new HolidayPeriod { Name = "重阳", From = Day("2026-10-10") },
                    ],
                },
            ],
        };

        var act = () => BusinessCalendar.Create(options);

        act.Should().Throw<CalendarDataException>()
            .WithMessage("2026-10-10 is both a holiday (重阳) and a make-up working day (for 国庆节).")
            .Which.Date.Should().Be(Day("2026-10-10"));
    }

    [Fact]
    public void The_same_clash_in_a_data_file_is_named()
    {
        const string json = """
            {
              "year": 2026,
              "holidays": [
                { "name": "春节", "from": "2026-02-15", "to": "2026-02-23", "makeUpWorkingDays": ["2026-02-14", "2026-02-22"] }
              ]
            }
            """;
        var year = CalendarData.Parse(json, "cn-2026-bad.json");

        var act = () => BusinessCalendar.Create(new BusinessCalendarOptions { UseBuiltInData = false, Years = [year] });

        act.Should().Throw<CalendarDataException>().WithMessage("2026-02-22 is both a holiday (春节) and a make-up working day*");
    }

    [Theory]
    [InlineData("""{ "year": 2026, "holidays": [ { "name": "春节", "from": "2026-02-15", "makeUpWorkDays": [] } ] }""", "*cn-x.json*makeUpWorkDays*")]
    [InlineData("""{ "year": 2026, "holidays": [ { "name": "春节", "from": "2026-02-30" } ] }""", "*cn-x.json*")]
    [InlineData("""{ "holidays": [] }""", "cn-x.json: 'year' is missing*")]
    [InlineData("""[]""", "*cn-x.json*")]
    public void Malformed_data_files_are_refused(string json, string message)
    {
        var act = () => CalendarData.Parse(json, "cn-x.json");

        act.Should().Throw<CalendarDataException>().WithMessage(message);
    }

    public static TheoryData<BusinessCalendarOptions, string> BadOptions => new()
    {
        {
            new BusinessCalendarOptions { TimeZoneId = "Mars/Olympus_Mons" },
            "Time zone 'Mars/Olympus_Mons' is not known*"
        },
        {
            new BusinessCalendarOptions { WorkingPeriods = [new(new(9, 0), new(12, 0)), new(new(11, 0), new(14, 0))] },
            "Working periods 09:00-12:00 and 11:00-14:00 overlap."
        },
        {
            new BusinessCalendarOptions { WorkingPeriods = [new(new(22, 0), new(6, 0))] },
            "Working period 22:00-06:00 ends before it starts*"
        },
        {
            new BusinessCalendarOptions { WorkingPeriods = [] },
            "The calendar has no daily working periods."
        },
        {
            new BusinessCalendarOptions { WeekendDays = Enum.GetValues<DayOfWeek>().ToList() },
            "Every day of the week is a weekend day*"
        },
        {
            new BusinessCalendarOptions
            {
                Years = [new CalendarYear { Year = 2030 }, new CalendarYear { Year = 2030 }],
            },
            "Calendar year 2030 is given twice."
        },
        {
            new BusinessCalendarOptions
            {
                Years = [new CalendarYear { Year = 2030, Holidays = [new HolidayPeriod { Name = "国庆节", From = new(2030, 10, 7), To = new(2030, 10, 1) }] }],
            },
            "Holiday 国庆节 (2030) ends 2030-10-01, before it starts 2030-10-07."
        },
        {
            new BusinessCalendarOptions
            {
                Years = [new CalendarYear { Year = 2030, Holidays = [new HolidayPeriod { Name = "国庆节", From = new(2003, 10, 1) }] }],
            },
            "2003-10-01 (国庆节) is filed under year 2030*"
        },
        {
            new BusinessCalendarOptions
            {
                Years =
                [
                    new CalendarYear
                    {
                        Year = 2030,
                        Holidays = [new HolidayPeriod { Name = "A", From = new(2030, 5, 1), To = new(2030, 5, 3) }, new HolidayPeriod { Name = "B", From = new(2030, 5, 3) }],
                    },
                ],
            },
            "2030-05-03 is listed as a holiday twice (A and B)."
        },
        {
            new BusinessCalendarOptions { Years = [new CalendarYear { Year = 2030, Holidays = [new HolidayPeriod { From = new(2030, 5, 1) }] }] },
            "A holiday in 2030 starting 2030-05-01 has no name."
        },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_refused_with_a_clear_message(BusinessCalendarOptions options, string message)
    {
        var act = () => BusinessCalendar.Create(options);

        act.Should().Throw<CalendarDataException>().WithMessage(message);
    }

    [Fact]
    public void Daylight_saving_days_keep_their_wall_clock_periods()
    {
        // New York, 2026: clocks jump 02:00 → 03:00 on Sun Mar 8 and fall back 02:00 → 01:00 on Sun Nov 1.
        // A night shift 01:00-04:00 (Saturday weekend only, so Sundays work).
        var calendar = BusinessCalendar.Create(new BusinessCalendarOptions
        {
            TimeZoneId = "America/New_York",
            UseBuiltInData = false,
            WeekendDays = [DayOfWeek.Saturday],
            WorkingPeriods = [new(new(1, 0), new(4, 0))],
        });

        // Mar 8: 01:00 EST = 06:00Z, 04:00 EDT = 08:00Z: two real hours.
        calendar.WorkingTimeOn(new DateOnly(2026, 3, 8)).Should().Be(TimeSpan.FromHours(2));
        calendar.OpeningOfBusiness(new DateOnly(2026, 3, 8)).Should().Be(new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.Zero));

        // Nov 1: 01:00 is ambiguous, the first one (EDT) = 05:00Z; 04:00 EST = 09:00Z: four real hours.
        calendar.WorkingTimeOn(new DateOnly(2026, 11, 1)).Should().Be(TimeSpan.FromHours(4));
        calendar.WorkingTimeOn(new DateOnly(2026, 11, 2)).Should().Be(TimeSpan.FromHours(3));

        // A period starting inside the gap: 02:30 does not exist on Mar 8; read with EST it is 07:30Z (03:30 EDT).
        var gap = BusinessCalendar.Create(new BusinessCalendarOptions
        {
            TimeZoneId = "America/New_York",
            UseBuiltInData = false,
            WeekendDays = [DayOfWeek.Saturday],
            WorkingPeriods = [new(new(2, 30), new(4, 0))],
        });
        gap.OpeningOfBusiness(new DateOnly(2026, 3, 8)).Should().Be(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero));
        gap.WorkingTimeOn(new DateOnly(2026, 3, 8)).Should().Be(TimeSpan.FromMinutes(30));
    }
}
