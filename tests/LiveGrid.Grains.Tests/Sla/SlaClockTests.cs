using LiveGrid.Grains.Calendar;
using LiveGrid.Grains.Sla;
using static LiveGrid.Grains.Tests.ShanghaiTime;

namespace LiveGrid.Grains.Tests.Sla;

/// <summary>
/// The SLA clock on the default calendar (09:00-12:00, 13:30-17:30: 7 working hours a day). 2026-03-09 is a Monday.
/// Budgets and instants are computed by hand in the comments.
/// </summary>
public sealed class SlaClockTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Default;

    private static SlaClock Clock(string start, string limit, SlaSuspension[]? suspensions = null, string[]? extensions = null, SlaThresholds? thresholds = null) =>
        new(Calendar, At(start), TimeLimit.Parse(limit), suspensions, extensions?.Select(TimeLimit.Parse), thresholds);

    private static SlaSuspension Suspended(string from, string? to = null) => new(At(from), to is null ? null : At(to));

    [Theory]
    // 4 working hours from Mon 10:00: 10:00-12:00 (2h) + 13:30-15:30 (2h) → deadline Mon 15:30. Thresholds: 2h
    // (50%) at 12:00, 3h (75%) at 14:30, 4h at 15:30.
    [InlineData("2026-03-09 08:00", 0.0, AgingBucket.Under50, "2026-03-09 12:00")] // before the start: nothing used
    [InlineData("2026-03-09 11:00", 1.0, AgingBucket.Under50, "2026-03-09 12:00")]
    [InlineData("2026-03-09 12:00", 2.0, AgingBucket.From50To75, "2026-03-09 14:30")] // 50% exactly: the next bucket
    [InlineData("2026-03-09 12:45", 2.0, AgingBucket.From50To75, "2026-03-09 14:30")] // lunch does not count
    [InlineData("2026-03-09 14:30", 3.0, AgingBucket.From75To100, "2026-03-09 15:30")]
    [InlineData("2026-03-09 15:30", 4.0, AgingBucket.Overdue, null)]
    // Mon 10:00-12:00, 13:30-17:30, Tue 09:00-10:00 = 7h: 3h over.
    [InlineData("2026-03-10 10:00", 7.0, AgingBucket.Overdue, null)]
    public void Working_hours_limit_read_through_a_day(string now, double usedHours, AgingBucket bucket, string? next)
    {
        var reading = Clock("2026-03-09 10:00", "4wh").ReadAt(At(now));

        reading.Deadline.ShouldBeAt("2026-03-09 15:30");
        reading.Budget.Should().Be(TimeSpan.FromHours(4));
        reading.Used.Should().Be(TimeSpan.FromHours(usedHours));
        reading.Remaining.Should().Be(TimeSpan.FromHours(4 - usedHours));
        reading.UsedFraction.Should().Be(usedHours / 4);
        reading.Bucket.Should().Be(bucket);
        reading.IsOverdue.Should().Be(bucket == AgingBucket.Overdue);
        reading.IsSuspended.Should().BeFalse();
        if (next is null)
        {
            reading.NextThresholdAt.Should().BeNull();
        }
        else
        {
            reading.NextThresholdAt!.Value.ShouldBeAt(next);
        }
    }

    [Fact]
    public void A_working_days_limit_crosses_the_Spring_Festival()
    {
        // 3 working days from Thu 02-12 10:00: Fri 13 (1), make-up Sat 14 (2), Tue 24 (3) → Tue 02-24 17:30.
        // Budget: Thu 10:00-12:00 + 13:30-17:30 = 6h, Fri 7h, Sat 7h, Tue 7h = 27h.
        var clock = Clock("2026-02-12 10:00", "3wd");

        clock.ScheduledDeadline.ShouldBeAt("2026-02-24 17:30");
        clock.Budget.Should().Be(TimeSpan.FromHours(27));
        clock.CountsWorkingTime.Should().BeTrue();

        // Thu 02-19 is in 春节: used Thu 6h + Fri 7h + Sat 7h = 20h of 27h (74%); the warning (20.25h) comes at
        // Tue 02-24 09:15.
        var reading = clock.ReadAt(At("2026-02-19 10:00"));
        reading.Used.Should().Be(TimeSpan.FromHours(20));
        reading.Bucket.Should().Be(AgingBucket.From50To75);
        reading.NextThresholdAt!.Value.ShouldBeAt("2026-02-24 09:15");
    }

    [Theory]
    // Suspended after hours only (Mon 20:00 → Tue 08:00) or over lunch (Tue 12:00 → 13:30): no working time lost.
    [InlineData("2026-03-09 20:00", "2026-03-10 08:00", "2026-03-12 17:30", 14.0)]
    [InlineData("2026-03-10 12:00", "2026-03-10 13:30", "2026-03-12 17:30", 14.0)]
    // From Saturday before the start to Mon 11:00: only Mon 10:00-11:00 (after the start) is lost, 1h →
    // Thu 17:30 + 1h = Fri 10:00. Used at Wed 10:00: Mon 11:00-12:00 + 13:30-17:30 (5h) + Tue 7h + Wed 1h = 13h.
    [InlineData("2026-03-07 10:00", "2026-03-09 11:00", "2026-03-13 10:00", 13.0)]
    // Mon 16:00 → Wed 08:00 (ends before opening): Mon 16:00-17:30 (1.5h) + Tue 7h = 8.5h lost →
    // Thu 17:30 + Fri 7h + Mon 03-16 09:00-10:30. Used at Wed 10:00: Mon 2h + 2.5h + Wed 1h = 5.5h.
    [InlineData("2026-03-09 16:00", "2026-03-11 08:00", "2026-03-16 10:30", 5.5)]
    public void Suspensions_push_the_deadline_by_the_working_time_they_hold(string from, string to, string deadline, double usedAtWednesday)
    {
        // 3 working days from Mon 03-09 10:00: Thu 03-12 17:30; budget 6h + 7h + 7h + 7h = 27h.
        var clock = Clock("2026-03-09 10:00", "3wd", [Suspended(from, to)]);

        var reading = clock.ReadAt(At("2026-03-11 10:00"));

        reading.Deadline.ShouldBeAt(deadline);
        reading.Used.Should().Be(TimeSpan.FromHours(usedAtWednesday));
        reading.Budget.Should().Be(TimeSpan.FromHours(27));
        reading.IsSuspended.Should().BeFalse();
        clock.ScheduledDeadline.ShouldBeAt("2026-03-12 17:30", "the scheduled deadline ignores suspensions");
    }

    [Fact]
    public void A_suspension_over_a_weekend_costs_only_the_working_day_it_covers()
    {
        // 3wd from Thu 03-12 10:00: Fri (1), Mon (2), Tue 03-17 (3). Suspended Sat 03-14 10:00 → Mon 03-16 19:00:
        // only Monday's 7h count → Tue 17:30 + 7h = Wed 03-18 17:30.
        var clock = Clock("2026-03-12 10:00", "3wd", [Suspended("2026-03-14 10:00", "2026-03-16 19:00")]);

        clock.ReadAt(At("2026-03-17 10:00")).Deadline.ShouldBeAt("2026-03-18 17:30");
    }

    [Fact]
    public void An_open_suspension_freezes_the_clock_and_moves_the_deadline()
    {
        // 4wh from Mon 10:00, suspended from 11:00 (1h used), still open.
        var clock = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-09 11:00")]);

        // At Mon 14:00, as if resumed now: 14:00 + 3h → 17:00.
        var monday = clock.ReadAt(At("2026-03-09 14:00"));
        monday.IsSuspended.Should().BeTrue();
        monday.Used.Should().Be(TimeSpan.FromHours(1));
        monday.Remaining.Should().Be(TimeSpan.FromHours(3));
        monday.Bucket.Should().Be(AgingBucket.Under50);
        monday.Deadline.ShouldBeAt("2026-03-09 17:00");
        monday.NextThresholdAt.Should().BeNull("nothing moves until the clock resumes");
        clock.NextThresholdAt(At("2026-03-09 14:00")).Should().BeNull();

        // At Tue 10:00 still 1h used; as if resumed now: 10:00-12:00 (2h) + 13:30-14:30.
        var tuesday = clock.ReadAt(At("2026-03-10 10:00"));
        tuesday.Used.Should().Be(TimeSpan.FromHours(1));
        tuesday.Deadline.ShouldBeAt("2026-03-10 14:30");
    }

    [Fact]
    public void A_resumed_clock_runs_on_from_where_it_stopped()
    {
        // Suspended Mon 11:00 → Tue 10:00; read Tue 11:00: 1h + 1h = 2h used (50%); deadline Tue 10:00 + 3h = 14:30;
        // 75% (3h) at Tue 12:00.
        var reading = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-09 11:00", "2026-03-10 10:00")]).ReadAt(At("2026-03-10 11:00"));

        reading.IsSuspended.Should().BeFalse();
        reading.Used.Should().Be(TimeSpan.FromHours(2));
        reading.Bucket.Should().Be(AgingBucket.From50To75);
        reading.Deadline.ShouldBeAt("2026-03-10 14:30");
        reading.NextThresholdAt!.Value.ShouldBeAt("2026-03-10 12:00");
    }

    [Fact]
    public void Suspensions_are_read_as_of_now()
    {
        // Closed later than now: still suspended at now (same as open).
        var running = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-09 11:00", "2026-03-10 10:00")]).ReadAt(At("2026-03-09 14:00"));
        running.IsSuspended.Should().BeTrue();
        running.Deadline.ShouldBeAt("2026-03-09 17:00");

        // Not begun by now: ignored.
        var before = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-10 10:00")]).ReadAt(At("2026-03-09 11:00"));
        before.IsSuspended.Should().BeFalse();
        before.Used.Should().Be(TimeSpan.FromHours(1));
        before.Deadline.ShouldBeAt("2026-03-09 15:30");

        // Suspended from the very start.
        var fromStart = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-09 10:00")]).ReadAt(At("2026-03-09 10:00"));
        fromStart.IsSuspended.Should().BeTrue();
        fromStart.Used.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Suspending_an_overdue_ticket_does_not_move_its_deadline()
    {
        // 4wh from Mon 10:00 is due Mon 15:30; suspended Tue 10:00 (7h used by then), read Tue 11:00.
        var reading = Clock("2026-03-09 10:00", "4wh", [Suspended("2026-03-10 10:00")]).ReadAt(At("2026-03-10 11:00"));

        reading.IsSuspended.Should().BeTrue();
        reading.Used.Should().Be(TimeSpan.FromHours(7));
        reading.Bucket.Should().Be(AgingBucket.Overdue);
        reading.Deadline.ShouldBeAt("2026-03-09 15:30");
    }

    [Fact]
    public void Natural_hours_count_nights_and_weekends_but_not_suspensions()
    {
        // 24h from Sat 10:00, suspended Sat 12:00-18:00 (6h) → Sun 16:00. At Sun 10:00: 2h + 16h = 18h = 75%.
        var clock = Clock("2026-03-07 10:00", "24h", [Suspended("2026-03-07 12:00", "2026-03-07 18:00")]);
        var reading = clock.ReadAt(At("2026-03-08 10:00"));

        clock.CountsWorkingTime.Should().BeFalse();
        reading.Deadline.ShouldBeAt("2026-03-08 16:00");
        reading.Used.Should().Be(TimeSpan.FromHours(18));
        reading.Bucket.Should().Be(AgingBucket.From75To100);
        reading.NextThresholdAt!.Value.ShouldBeAt("2026-03-08 16:00");
    }

    [Theory]
    // 3wd + 2wd from Mon 03-09 10:00: Thu 03-12 17:30 shifted 2 working days → Mon 03-16 17:30; 27h + 14h.
    [InlineData("2026-03-09 10:00", "3wd", new[] { "2wd" }, "2026-03-16 17:30", 41.0)]
    // 4wh + 4wh: Mon 15:30 + 15:30-17:30 (2h) + Tue 09:00-11:00.
    [InlineData("2026-03-09 10:00", "4wh", new[] { "4wh" }, "2026-03-10 11:00", 8.0)]
    // 4wh + 1wd: Mon 15:30 shifted one working day, same place in the day → Tue 15:30; 4h + 7h.
    [InlineData("2026-03-09 10:00", "4wh", new[] { "1wd" }, "2026-03-10 15:30", 11.0)]
    // Same day + 1wd: Mon 17:30 → Tue 17:30; Mon 10:00-17:30 (6h) + 7h.
    [InlineData("2026-03-09 10:00", "0wd", new[] { "1wd" }, "2026-03-10 17:30", 13.0)]
    // Extensions apply in order: Mon 03-16 17:30 (as above) + 24 clock hours = Tue 03-17 17:30; 41h + 7h.
    [InlineData("2026-03-09 10:00", "3wd", new[] { "2wd", "24h" }, "2026-03-17 17:30", 48.0)]
    // 24 clock hours from Fri 17:30 end Sat 17:30, which holds no working time: the deadline stays at Friday's close.
    [InlineData("2026-03-13 13:30", "4wh", new[] { "24h" }, "2026-03-13 17:30", 4.0)]
    // 48h from Fri 03-13 10:00 → Sun 10:00 (counts as Friday's close) + 1wd → Mon 03-16 17:30; clock time:
    // 3 days 7.5h = 79.5h.
    [InlineData("2026-03-13 10:00", "48h", new[] { "1wd" }, "2026-03-16 17:30", 79.5)]
    public void Extensions_move_the_scheduled_deadline(string start, string limit, string[] extensions, string deadline, double budgetHours)
    {
        var clock = Clock(start, limit, extensions: extensions);

        clock.ScheduledDeadline.ShouldBeAt(deadline);
        clock.Budget.Should().Be(TimeSpan.FromHours(budgetHours));
        clock.ReadAt(At(start)).Deadline.ShouldBeAt(deadline);
        clock.Extensions.Select(e => e.ToString()).Should().Equal(extensions);
    }

    [Fact]
    public void An_extension_and_a_suspension_add_up()
    {
        // 3wd + 2wd → Mon 03-16 17:30 (41h); suspended Mon 03-09 16:00 → Wed 08:00 loses 8.5h →
        // Tue 03-17 (7h) + Wed 03-18 09:00-10:30.
        var clock = Clock("2026-03-09 10:00", "3wd", [Suspended("2026-03-09 16:00", "2026-03-11 08:00")], ["2wd"]);

        clock.ReadAt(At("2026-03-11 10:00")).Deadline.ShouldBeAt("2026-03-18 10:30");
    }

    [Theory]
    // Same day from Mon 16:00: Mon 17:30, 1.5h.
    [InlineData("2026-03-09 16:00", "2026-03-09 17:30", 1.5)]
    // After hours: Tuesday's close, a full 7h.
    [InlineData("2026-03-09 20:00", "2026-03-10 17:30", 7.0)]
    // Saturday: Monday's close.
    [InlineData("2026-03-07 10:00", "2026-03-09 17:30", 7.0)]
    // In 春节: the first working day after it.
    [InlineData("2026-02-18 10:00", "2026-02-24 17:30", 7.0)]
    public void Same_day_means_the_start_days_close_of_business(string start, string deadline, double budgetHours)
    {
        var clock = new SlaClock(Calendar, At(start), TimeLimit.SameDay);

        clock.ScheduledDeadline.ShouldBeAt(deadline);
        clock.Budget.Should().Be(TimeSpan.FromHours(budgetHours));
    }

    [Theory]
    // 4wh from Mon 10:00 (see the first test): 50% 12:00, 75% 14:30, 100% 15:30.
    [InlineData("4wh", "2026-03-09 10:00", "2026-03-09 12:00", "2026-03-09 14:30", "2026-03-09 15:30")]
    // 3wd across 春节 (27h): 13.5h = Thu 6h + Fri 7h + Sat 0.5h → Sat 02-14 09:30; 20.25h = 20h (to Sat's close)
    // + 0.25h → Tue 02-24 09:15; 27h → Tue 02-24 17:30.
    [InlineData("3wd-spring", "2026-02-12 10:00", "2026-02-14 09:30", "2026-02-24 09:15", "2026-02-24 17:30")]
    // 3wd from Mon 03-09 10:00 suspended Mon 16:00 → Wed 08:00, walked from Wed 08:00 (before that the clock cannot
    // know the suspension will happen; a grain re-arms its reminder when it suspends or resumes). Mon 4.5h; 13.5h = + Wed 7h
    // (11.5h) + 2h → Thu 11:00; 20.25h = Thu's close (18.5h) + 1.75h → Fri 10:45; 27h = Fri's close (25.5h) + 1.5h
    // → Mon 03-16 10:30.
    [InlineData("3wd-suspended", "2026-03-11 08:00", "2026-03-12 11:00", "2026-03-13 10:45", "2026-03-16 10:30")]
    // 24h from Sat 10:00 suspended 12:00-18:00, walked from 18:00 (a suspension counts once it has begun):
    // 12h = 2h + 10h after 18:00 → Sun 04:00; 18h → Sun 10:00; Sun 16:00.
    [InlineData("24h-suspended", "2026-03-07 18:00", "2026-03-08 04:00", "2026-03-08 10:00", "2026-03-08 16:00")]
    // Same day from Mon 16:00 (1.5h = 90 min): 45 min → 16:45; 67.5 min → 17:07:30; 17:30.
    [InlineData("0wd", "2026-03-09 16:00", "2026-03-09 16:45", "2026-03-09 17:07:30", "2026-03-09 17:30")]
    // Thresholds at 60% and 90% of 4wh from Mon 10:00: 2.4h = 12:00 + 24 min after 13:30 → 13:54;
    // 3.6h = 13:30 + 1h36 → 15:06.
    [InlineData("4wh-60-90", "2026-03-09 10:00", "2026-03-09 13:54", "2026-03-09 15:06", "2026-03-09 15:30")]
    public void Next_threshold_lands_exactly_on_the_bucket_change(string scenario, string walkFrom, string midway, string warning, string overdue)
    {
        var clock = scenario switch
        {
            "4wh" => Clock("2026-03-09 10:00", "4wh"),
            "3wd-spring" => Clock("2026-02-12 10:00", "3wd"),
            "3wd-suspended" => Clock("2026-03-09 10:00", "3wd", [Suspended("2026-03-09 16:00", "2026-03-11 08:00")]),
            "24h-suspended" => Clock("2026-03-07 10:00", "24h", [Suspended("2026-03-07 12:00", "2026-03-07 18:00")]),
            "0wd" => Clock("2026-03-09 16:00", "0wd"),
            "4wh-60-90" => Clock("2026-03-09 10:00", "4wh", thresholds: new SlaThresholds { Midway = 0.6, Warning = 0.9 }),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        };
        var expected = new[] { midway, warning, overdue };
        var buckets = new[] { AgingBucket.From50To75, AgingBucket.From75To100, AgingBucket.Overdue };

        var now = At(walkFrom);
        clock.ReadAt(now).Bucket.Should().Be(AgingBucket.Under50);
        for (var i = 0; i < 3; i++)
        {
            var next = clock.NextThresholdAt(now);

            next.Should().NotBeNull();
            next!.Value.ShouldBeAt(expected[i]);
            clock.ReadAt(next.Value).Bucket.Should().Be(buckets[i], "the bucket begins at the instant");
            clock.ReadAt(next.Value - TimeSpan.FromTicks(1)).Bucket.Should().NotBe(buckets[i], "and not a tick before");
            now = next.Value;
        }

        clock.NextThresholdAt(now).Should().BeNull("overdue is the last bucket");
        clock.ReadAt(now).Deadline.Should().Be(now, "the overdue bucket begins at the deadline");
    }

    [Fact]
    public void Reading_a_clock_is_repeatable_and_returns_utc()
    {
        var clock = Clock("2026-03-09 10:00", "3wd");
        var shanghaiNoon = new DateTimeOffset(2026, 3, 10, 12, 0, 0, ShanghaiTime.Offset);

        var first = clock.ReadAt(shanghaiNoon);
        var second = clock.ReadAt(shanghaiNoon.ToUniversalTime());

        first.Should().Be(second);
        first.At.Offset.Should().Be(TimeSpan.Zero);
        first.Deadline.Offset.Should().Be(TimeSpan.Zero);
    }

    public static TheoryData<string, Func<SlaClock>, string> BadClocks => new()
    {
        {
            "overlap",
            () => Clock("2026-03-09 10:00", "3wd", [Suspended("2026-03-09 11:00", "2026-03-09 15:00"), Suspended("2026-03-09 14:00", "2026-03-09 16:00")]),
            "Suspension #2 starts (*) before suspension #1 ends (*); give them in order, without overlap.*"
        },
        {
            "open not last",
            () => Clock("2026-03-09 10:00", "3wd", [Suspended("2026-03-09 11:00"), Suspended("2026-03-09 14:00", "2026-03-09 16:00")]),
            "Suspension #1 is open but is not the last one.*"
        },
        {
            "backwards",
            () => Clock("2026-03-09 10:00", "3wd", [Suspended("2026-03-09 11:00", "2026-03-09 10:30")]),
            "Suspension #1 ends (*) before it starts (*).*"
        },
        {
            "zero extension",
            () => Clock("2026-03-09 10:00", "3wd", extensions: ["0wd"]),
            "Extension 0wd adds no time; an extension must be a positive limit.*"
        },
        {
            "default limit",
            () => new SlaClock(Calendar, At("2026-03-09 10:00"), default),
            "Time limit 0h is not valid*"
        },
        {
            "bad thresholds",
            () => Clock("2026-03-09 10:00", "3wd", thresholds: new SlaThresholds { Warning = 1.5 }),
            "Aging thresholds must satisfy*"
        },
    };

    [Theory]
    [MemberData(nameof(BadClocks))]
    public void Bad_inputs_are_refused(string because, Func<SlaClock> create, string message)
    {
        create.Should().Throw<ArgumentException>(because).WithMessage(message);
    }
}
