using LiveGrid.Grains.Calendar;

namespace LiveGrid.Grains.Sla;

/// <summary>
/// The clock of one time limit on one ticket: pure, immutable, given everything it needs (nothing reads the system
/// clock). A grain rebuilds it when the ticket's suspensions or extensions change and reads it at any instant.
/// <para>
/// How it counts. The limit is turned into a budget in the limit's measure (working time for working-hour and
/// working-day limits, clock time for natural ones): budget = measure from <see cref="Start"/> to
/// <see cref="ScheduledDeadline"/>, the deadline with all extensions and no suspension. Used = measure from the start
/// to now, minus the measure of the suspensions. The deadline is the earliest instant at which used reaches the
/// budget, so suspended working time pushes it later by exactly as much working time. Hence a working-day limit ends
/// at a close of business unless a suspension moved it, in which case it ends where the lost working time runs out.
/// </para>
/// <para>
/// Extensions (延期), in order, each move the scheduled deadline: natural units add clock time, working hours add
/// working time, working days shift it that many working days keeping its place in the day
/// (<see cref="BusinessCalendar.ShiftWorkingDays"/>). On a working-time limit a clock-time extension adds only the
/// working time within it.
/// </para>
/// <para>
/// Suspensions are read "as of now": a suspension that has not begun by now is ignored; one still running at now (open,
/// or closed later than now) counts up to now and the clock is <see cref="SlaReading.IsSuspended"/>. Time before
/// <see cref="Start"/> never counts.
/// </para>
/// </summary>
public sealed class SlaClock
{
    private readonly BusinessCalendar _calendar;
    private readonly SlaSuspension[] _suspensions;
    private readonly TimeSpan _midway;
    private readonly TimeSpan _warning;
    private readonly TimeSpan _overdue;

    public SlaClock(
        BusinessCalendar calendar,
        DateTimeOffset start,
        TimeLimit limit,
        IEnumerable<SlaSuspension>? suspensions = null,
        IEnumerable<TimeLimit>? extensions = null,
        SlaThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (!limit.IsValid)
        {
            throw new ArgumentException($"Time limit {limit} is not valid (zero is allowed only as 0wd, the same day).", nameof(limit));
        }

        _calendar = calendar;
        Start = start.ToUniversalTime();
        Limit = limit;
        CountsWorkingTime = limit.CountsWorkingTime;
        _suspensions = ValidateSuspensions(suspensions);
        Extensions = ValidateExtensions(extensions);

        var deadline = limit.Unit switch
        {
            TimeLimitUnit.NaturalHours => Start + TimeSpan.FromHours(limit.Amount),
            TimeLimitUnit.NaturalDays => Start + TimeSpan.FromDays(limit.Amount),
            TimeLimitUnit.WorkingHours => calendar.AddWorkingTime(Start, TimeSpan.FromHours(limit.Amount)),
            _ => calendar.AddWorkingDays(Start, limit.Amount),
        };
        foreach (var extension in Extensions)
        {
            deadline = Extend(deadline, extension);
        }

        Budget = Measure(Start, deadline);
        if (Budget <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Time limit {limit} from {Start:O} leaves no time to count.");
        }

        // The earliest instant the budget is used up. It differs from the chained deadline only when a clock-time
        // extension of a working-time limit ends outside working hours (Friday 17:30 + 24h is Saturday 17:30, which
        // adds no working time): the budget is what counts, so the deadline stays at Friday's close.
        ScheduledDeadline = Advance(Start, Budget);

        var aging = (thresholds ?? new SlaThresholds()).Validated();
        _midway = Fraction(aging.Midway);
        _warning = Fraction(aging.Warning);
        _overdue = Fraction(aging.Overdue);
    }

    /// <summary>When the clock started (e.g. the dispatch instant for the resolve limit).</summary>
    public DateTimeOffset Start { get; }

    public TimeLimit Limit { get; }

    public IReadOnlyList<TimeLimit> Extensions { get; }

    public IReadOnlyList<SlaSuspension> Suspensions => _suspensions;

    /// <summary>Whether <see cref="Budget"/> and the readings are working time (else clock time).</summary>
    public bool CountsWorkingTime { get; }

    /// <summary>The deadline with every extension and without any suspension.</summary>
    public DateTimeOffset ScheduledDeadline { get; }

    /// <summary>The whole limit in the clock's measure, extensions included.</summary>
    public TimeSpan Budget { get; }

    public SlaReading ReadAt(DateTimeOffset now)
    {
        now = now.ToUniversalTime();
        var counted = CountedSegments(now, out var isSuspended);
        var used = Used(counted);
        var remaining = Budget - used;
        var deadline = InstantWhenUsed(Budget, counted);

        // While suspended nothing moves, so there is no instant to arm a reminder for.
        DateTimeOffset? next = null;
        if (!isSuspended && NextThreshold(used) is { } threshold)
        {
            next = InstantWhenUsed(threshold, counted);
        }

        return new SlaReading
        {
            At = now,
            Deadline = deadline,
            IsSuspended = isSuspended,
            Budget = Budget,
            Used = used,
            Remaining = remaining,
            UsedFraction = (double)used.Ticks / Budget.Ticks,
            Bucket = BucketOf(used),
            NextThresholdAt = next,
        };
    }

    /// <summary>
    /// The instant the next aging bucket begins, for a grain to arm a reminder at exactly; null when already overdue
    /// or suspended (re-arm on resume). Reading the clock at that instant gives the next bucket; a tick earlier, not.
    /// </summary>
    public DateTimeOffset? NextThresholdAt(DateTimeOffset now) => ReadAt(now).NextThresholdAt;

    private TimeSpan Used(List<(DateTimeOffset From, DateTimeOffset To)> counted)
    {
        var used = TimeSpan.Zero;
        foreach (var (from, to) in counted)
        {
            used += Measure(from, to);
        }

        return used;
    }

    /// <summary>
    /// The stretches of [Start, now] that count: the gaps between suspensions. The last one ends at now, and after now
    /// the clock runs on (as if any running suspension ended at now).
    /// </summary>
    private List<(DateTimeOffset From, DateTimeOffset To)> CountedSegments(DateTimeOffset now, out bool isSuspended)
    {
        var segments = new List<(DateTimeOffset, DateTimeOffset)>(_suspensions.Length + 1);
        var cursor = Start;
        isSuspended = false;
        foreach (var suspension in _suspensions)
        {
            if (suspension.Start > now)
            {
                break;
            }

            var end = suspension.End is { } e && e <= now ? e : now;
            isSuspended = suspension.End is null || suspension.End > now;
            if (end <= cursor)
            {
                continue;
            }

            var from = suspension.Start > cursor ? suspension.Start : cursor;
            segments.Add((cursor, from));
            cursor = end;
        }

        segments.Add((cursor, now > cursor ? now : cursor));
        return segments;
    }

    /// <summary>The earliest instant at which <paramref name="target"/> has been used, the clock running on after now.</summary>
    private DateTimeOffset InstantWhenUsed(TimeSpan target, List<(DateTimeOffset From, DateTimeOffset To)> counted)
    {
        var remaining = target;
        for (var i = 0; i < counted.Count - 1; i++)
        {
            var (from, to) = counted[i];
            var available = Measure(from, to);
            if (remaining <= available)
            {
                return Advance(from, remaining);
            }

            remaining -= available;
        }

        // The last segment starts at the end of the last suspension (or the start) and runs on past now.
        return Advance(counted[^1].From, remaining);
    }

    private TimeSpan? NextThreshold(TimeSpan used) =>
        used < _midway ? _midway : used < _warning ? _warning : used < _overdue ? _overdue : null;

    private AgingBucket BucketOf(TimeSpan used) =>
        used >= _overdue ? AgingBucket.Overdue
        : used >= _warning ? AgingBucket.From75To100
        : used >= _midway ? AgingBucket.From50To75
        : AgingBucket.Under50;

    /// <summary>A threshold as a whole number of ticks, rounded up, so "used reaches it" is an exact comparison.</summary>
    private TimeSpan Fraction(double fraction) =>
        TimeSpan.FromTicks((long)decimal.Ceiling((decimal)fraction * Budget.Ticks));

    private TimeSpan Measure(DateTimeOffset from, DateTimeOffset to) =>
        CountsWorkingTime ? _calendar.WorkingTimeBetween(from, to) : to - from;

    private DateTimeOffset Advance(DateTimeOffset from, TimeSpan amount) =>
        CountsWorkingTime ? _calendar.AddWorkingTime(from, amount) : from + amount;

    private DateTimeOffset Extend(DateTimeOffset deadline, TimeLimit extension) => extension.Unit switch
    {
        TimeLimitUnit.NaturalHours => deadline + TimeSpan.FromHours(extension.Amount),
        TimeLimitUnit.NaturalDays => deadline + TimeSpan.FromDays(extension.Amount),
        TimeLimitUnit.WorkingHours => _calendar.AddWorkingTime(deadline, TimeSpan.FromHours(extension.Amount)),
        _ => _calendar.ShiftWorkingDays(deadline, extension.Amount),
    };

    private static SlaSuspension[] ValidateSuspensions(IEnumerable<SlaSuspension>? suspensions)
    {
        var list = suspensions?.Select(s => new SlaSuspension(s.Start.ToUniversalTime(), s.End?.ToUniversalTime())).ToArray() ?? [];
        for (var i = 0; i < list.Length; i++)
        {
            var s = list[i];
            if (s.End is { } end && end < s.Start)
            {
                throw new ArgumentException($"Suspension #{i + 1} ends ({end:O}) before it starts ({s.Start:O}).", nameof(suspensions));
            }

            if (s.IsOpen && i < list.Length - 1)
            {
                throw new ArgumentException($"Suspension #{i + 1} is open but is not the last one.", nameof(suspensions));
            }

            if (i > 0 && list[i - 1].End is { } previousEnd && s.Start < previousEnd)
            {
                throw new ArgumentException(
                    $"Suspension #{i + 1} starts ({s.Start:O}) before suspension #{i} ends ({previousEnd:O}); give them in order, without overlap.",
                    nameof(suspensions));
            }
        }

        return list;
    }

    private static TimeLimit[] ValidateExtensions(IEnumerable<TimeLimit>? extensions)
    {
        var list = extensions?.ToArray() ?? [];
        foreach (var extension in list)
        {
            if (!extension.IsValid || extension.Amount == 0)
            {
                throw new ArgumentException($"Extension {extension} adds no time; an extension must be a positive limit.", nameof(extensions));
            }
        }

        return list;
    }
}
