using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Kpis;

/// <summary>
/// Computes the measures of domain brief §5 from ticket records (audit trail + clock facts, <see cref="KpiTicket"/>)
/// for a period [from, to) of the city's local days and a scope. Pure: the same records give the same report.
/// <para>Rules shared by every measure:</para>
/// <list type="bullet">
/// <item>An event belongs to the period when its local date (in the city's time zone) is in [from, to); a ticket
/// crossing a period boundary is attributed by the event each measure names (received in the period, resolved in the
/// period, closed in the period...), never by its intake date alone. "By the end" means before local midnight of
/// <c>to</c>: later events are ignored.</item>
/// <item>Merged duplicates (合并, any ticket whose trail has a merge) are excluded from every measure: the original
/// carries the work. Only the board figures (<see cref="KpiBoardFigures"/>) count them, as the board does.</item>
/// <item>Every measure counts tickets, each at most once (a reworked ticket counts once, in its latest in-period
/// round where a round matters), except <see cref="Satisfaction"/>, which counts ratings (each callback is one).</item>
/// <item>Outcomes are read from the audit entries' fields (<see cref="TicketTransition.Rating"/>,
/// <see cref="TicketTransition.Level"/>, <see cref="TicketTransition.Approved"/>). Entries written before those fields
/// existed have them null and are read by their <see cref="TicketTransition.Detail"/> text instead: a fallback for old
/// trails only, never the first choice (<see cref="RatingOf"/>, <see cref="LevelOf"/>, <see cref="IsApproval"/>).</item>
/// <item>Deadlines and on-time flags are the ticket's current ones (its clocks now); an extension approved after the
/// period moves a deadline the period's report then uses.</item>
/// </list>
/// </summary>
public static class KpiEngine
{
    private static readonly TicketActionKind[] RoundStarts =
        [TicketActionKind.Dispatch, TicketActionKind.Redispatch, TicketActionKind.Transfer, TicketActionKind.Rework];

    /// <param name="patrols">The scheduled patrols of the period (see <see cref="KpiSource.LoadPatrolsAsync"/>), or null
    /// when not loaded; then the report has no <see cref="KpiReport.PatrolCoverage"/>.</param>
    public static KpiReport Compute(
        TimeZoneInfo zone, DateOnly from, DateOnly to, KpiScope scope, IEnumerable<KpiTicket> tickets, IEnumerable<InspectionSummary>? patrols = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(tickets);
        if (to < from)
        {
            throw new ArgumentException($"The period ends ({to}) before it starts ({from}).", nameof(to));
        }

        var period = new KpiPeriod(zone, from, to);
        var all = tickets.Where(t => t.Trail.Count > 0 && scope.Holds(t)).ToList();
        var live = all.Where(t => !IsMerged(t)).ToList();
        return new KpiReport
        {
            From = from,
            To = to,
            Scope = scope.ToString(),
            Tickets = all.Count,
            OnTimeResolution = OnTimeResolution(period, live),
            OnTimeResolutionAustin = OnTimeResolutionAustin(period, live),
            Resolution = Resolution(period, live),
            ImmediateResolution = ImmediateResolution(period, live),
            Rework = Rework(period, live),
            Extension = Extension(period, live),
            Return = Return(period, live),
            Callback = Callback(period, live),
            Response = Response(period, live),
            Solved = Solved(period, live),
            Satisfaction = Satisfaction(period, live),
            ResolvedAtLevel = ResolvedAtLevel(period, live),
            Board = Board(period, all),
            PatrolCoverage = patrols is null ? null : PatrolCoverage(period, scope, patrols),
        };
    }

    /// <summary>
    /// Patrol coverage (巡查覆盖率) = completed patrols / scheduled patrols. Denominator: patrols (kind Patrol) whose window
    /// starts in the period, whatever became of them (completed, missed, or still scheduled or under way when read).
    /// Numerator: of those, the completed ones. Scope: by the patrol's grid (city, area) or worker; a unit scope has no
    /// patrols (0/0), as units do not patrol.
    /// </summary>
    public static KpiRate PatrolCoverage(KpiPeriod period, KpiScope scope, IEnumerable<InspectionSummary> patrols)
    {
        var mine = patrols.Where(p => p.Kind == InspectionKind.Patrol && period.Contains(p.WindowStart) && scope.Kind switch
        {
            KpiScopeKind.City => true,
            KpiScopeKind.Area => p.GridCode.StartsWith(scope.Value, StringComparison.Ordinal),
            KpiScopeKind.Worker => string.Equals(p.WorkerId, scope.Value, StringComparison.Ordinal),
            _ => false,
        }).ToList();
        return new KpiRate("patrolCoverage", "巡查覆盖率 = completed patrols / scheduled patrols",
            mine.Count(p => p.Status == InspectionStatus.Completed), mine.Count);
    }

    /// <summary>
    /// 按期办结率 = resolved on time / (due in period − suspended).
    /// Denominator: tickets whose current resolve deadline falls in the period, less those suspended (停止计时) at the
    /// end of the period (their clock stands, so they are not yet due). Numerator: of those, the ones whose current
    /// round was resolved by its deadline. A reworked ticket counts once, by its current round's deadline.
    /// </summary>
    public static KpiRate OnTimeResolution(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var due = tickets.Where(t => t.ResolveDeadline is { } d && period.Contains(d) && !SuspendedAtEnd(period, t)).ToList();
        return new KpiRate("onTimeResolution", "按期办结率 = resolved on time / (due − suspended)",
            due.Count(t => t.ResolvedOnTime == true && CurrentResolve(t) is { } r && r.At < period.End), due.Count);
    }

    /// <summary>
    /// Austin 311's on-time rate = closed on time / (closed + open overdue).
    /// Closed: tickets closed (结案, by close or by a passed verification 核查) in the period; on time when their current round was resolved by its deadline.
    /// Open overdue: tickets received before the end, not closed by the end, whose resolve deadline passed before the end
    /// and whose current round was not resolved by it. Suspended tickets count as the deadline says (a stopped clock
    /// has a later deadline, so it is overdue only if it ran out before stopping).
    /// </summary>
    public static KpiRate OnTimeResolutionAustin(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var closed = tickets.Where(t => Ending(t) is { } c && period.Contains(c.At)).ToList();
        var openOverdue = tickets.Count(t => t.Trail[0].At < period.End
            && (Ending(t) is not { } close || close.At >= period.End)
            && t.ResolveDeadline is { } d && d < period.End
            && t.ResolvedOnTime != true);
        return new KpiRate("onTimeResolutionAustin", "Austin 311 on-time = closed on time / (closed + open overdue)",
            closed.Count(t => t.ResolvedOnTime == true), closed.Count + openOverdue);
    }

    /// <summary>
    /// 结案率 = closed (by close or a passed verification) by the end / received in the period (the period's intake cohort). A ticket received in the period
    /// and closed after it counts in the denominator only.
    /// </summary>
    public static KpiRate Resolution(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var received = tickets.Where(t => period.Contains(t.Trail[0].At)).ToList();
        return new KpiRate("resolution", "结案率 = closed / received",
            received.Count(t => Ending(t) is { } c && c.At < period.End), received.Count);
    }

    /// <summary>
    /// 即办率 = resolved on the spot / received in the period. On the spot: the first resolution (办结) was at grid level
    /// on the local day of intake. Later rework does not undo it (it was handled at once, then reopened).
    /// </summary>
    public static KpiRate ImmediateResolution(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var received = tickets.Where(t => period.Contains(t.Trail[0].At)).ToList();
        return new KpiRate("immediateResolution", "即办率 = resolved at grid level on the day of intake / received",
            received.Count(t => t.Trail.FirstOrDefault(e => e.Action == TicketActionKind.Resolve) is { } r
                && r.At < period.End
                && period.LocalDate(r.At) == period.LocalDate(t.Trail[0].At)
                && LevelOf(r) == ResolutionLevel.Grid), received.Count);
    }

    /// <summary>
    /// 返工率 = reworked / resolved. Denominator: tickets with a resolution in the period. Numerator: of those, tickets
    /// sent to rework (重办) after their first resolution in the period, by the end. Counted per ticket, once, however
    /// many rounds.
    /// </summary>
    public static KpiRate Rework(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var resolved = ResolvedIn(period, tickets);
        return new KpiRate("rework", "返工率 = reworked / resolved",
            resolved.Count(x => AnyAfter(x.Ticket, x.First, period, TicketActionKind.Rework)), resolved.Count);
    }

    /// <summary>
    /// 延期率 = extended / resolved. Denominator: tickets with a resolution in the period. Numerator: of those, tickets
    /// with an approved extension (延期, approved before the end). Refused requests do not count.
    /// </summary>
    public static KpiRate Extension(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var resolved = ResolvedIn(period, tickets);
        return new KpiRate("extension", "延期率 = resolved tickets with an approved extension / resolved",
            resolved.Count(x => x.Ticket.Trail.Any(e => e.Action == TicketActionKind.DecideExtension && e.At < period.End && IsApproval(e))),
            resolved.Count);
    }

    /// <summary>
    /// 退单率 = returned / dispatched. Denominator: tickets dispatched (派单, 改派 or 转办) in the period. Numerator: of
    /// those, tickets returned (退单) after their first dispatch in the period, by the end. Per ticket, once.
    /// </summary>
    public static KpiRate Return(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var dispatched = tickets
            .Select(t => (Ticket: t, First: t.Trail.FirstOrDefault(e => e.Action is TicketActionKind.Dispatch or TicketActionKind.Redispatch
                or TicketActionKind.Transfer && period.Contains(e.At))))
            .Where(x => x.First is not null)
            .ToList();
        return new KpiRate("return", "退单率 = returned / dispatched",
            dispatched.Count(x => AnyAfter(x.Ticket, x.First!, period, TicketActionKind.Return)), dispatched.Count);
    }

    /// <summary>
    /// 回访率 = called back / resolved. Denominator: tickets with a resolution in the period. Numerator: of those, tickets
    /// called back (回访) after their first resolution in the period, by the end. Per ticket, once.
    /// </summary>
    public static KpiRate Callback(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var resolved = ResolvedIn(period, tickets);
        return new KpiRate("callback", "回访率 = called back / resolved",
            resolved.Count(x => AnyAfter(x.Ticket, x.First, period, TicketActionKind.CallBack)), resolved.Count);
    }

    /// <summary>
    /// 响应率 = accepted within the accept limit / accepted. Tickets whose current round was accepted (签收) in the
    /// period; on time as the accept clock says. A reworked or re-dispatched ticket counts once, by its current round.
    /// </summary>
    public static KpiRate Response(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var accepted = tickets.Where(t => Current(t, TicketActionKind.Accept) is { } a && period.Contains(a.At)).ToList();
        return new KpiRate("response", "响应率 = accepted within the limit / accepted",
            accepted.Count(t => t.AcceptedOnTime == true), accepted.Count);
    }

    /// <summary>
    /// 解决率 = solved / resolved. Denominator: tickets with a resolution in the period. Numerator: of those, tickets
    /// whose last resolution still stood at the end (not sent to rework by the end).
    /// </summary>
    public static KpiRate Solved(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var resolved = ResolvedIn(period, tickets);
        return new KpiRate("solved", "解决率 = resolutions that stood (no rework) / resolved",
            resolved.Count(x => !AnyAfter(x.Ticket, x.Ticket.Trail.Last(e => e.Action == TicketActionKind.Resolve && e.At < period.End), period, TicketActionKind.Rework)),
            resolved.Count);
    }

    /// <summary>
    /// 满意率 = (satisfied + basically satisfied) / rated. Every callback (回访) in the period is one rating, including an
    /// unsatisfied one that sent the ticket to rework (the board forgets those; see <see cref="KpiBoardFigures"/>).
    /// </summary>
    public static KpiRate Satisfaction(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var ratings = tickets.SelectMany(t => t.Trail)
            .Where(e => e.Action == TicketActionKind.CallBack && period.Contains(e.At))
            .Select(RatingOf)
            .ToList();
        return new KpiRate("satisfaction", "满意率 = (satisfied + basically satisfied) / rated",
            ratings.Count(r => r is CallbackRating.Satisfied or CallbackRating.BasicallySatisfied), ratings.Count);
    }

    /// <summary>
    /// Where resolved (小事不出社区): per level, tickets whose last resolution in the period was at that level / tickets
    /// resolved in the period. A reworked ticket counts once, at the level of its last in-period resolution.
    /// </summary>
    public static IReadOnlyList<KpiRate> ResolvedAtLevel(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var levels = ResolvedIn(period, tickets)
            .Select(x => LevelOf(x.Ticket.Trail.Last(e => e.Action == TicketActionKind.Resolve && period.Contains(e.At))))
            .ToList();
        return [.. Enum.GetValues<ResolutionLevel>().Select(level => new KpiRate(
            $"resolvedAt{level}", $"{LevelName(level)}办结占比 = resolved at {level} level / resolved", levels.Count(l => l == level), levels.Count))];
    }

    private static string LevelName(ResolutionLevel level) => level switch
    {
        ResolutionLevel.Grid => "网格",
        ResolutionLevel.Community => "社区",
        ResolutionLevel.Street => "街道",
        _ => "区级",
    };

    /// <summary>The board's today tiles by the board's definitions (<see cref="KpiBoardFigures"/>), merged tickets included.</summary>
    public static KpiBoardFigures Board(KpiPeriod period, IReadOnlyList<KpiTicket> tickets)
    {
        var received = tickets.Count(t => period.Contains(t.Trail[0].At));
        var resolved = tickets.Where(t => Current(t, TicketActionKind.Resolve) is { } r && period.Contains(r.At)).ToList();
        var closed = tickets.Count(t => Ending(t) is { } c && period.Contains(c.At));
        var rated = tickets.Select(t => Current(t, TicketActionKind.CallBack))
            .Where(c => c is not null && period.Contains(c.At))
            .Select(c => RatingOf(c!))
            .ToList();
        return new KpiBoardFigures(
            received,
            resolved.Count,
            resolved.Count(t => t.ResolvedOnTime == true),
            closed,
            rated.Count,
            rated.Count(r => r is CallbackRating.Satisfied or CallbackRating.BasicallySatisfied));
    }

    private static bool IsMerged(KpiTicket ticket) => ticket.Trail.Any(e => e.Action == TicketActionKind.MergeInto);

    /// <summary>
    /// The entry that ended the ticket: a close (结案), a passed verification (核查, which closes too) or a merge; null
    /// while open. Read by status, as a passed verification is not a Close action.
    /// </summary>
    private static TicketTransition? Ending(KpiTicket ticket) => ticket.Trail.LastOrDefault(e =>
        e.Action is TicketActionKind.Close or TicketActionKind.MergeInto || (e.To is TicketStatus.Closed or TicketStatus.Merged && e.From != e.To));

    /// <summary>The latest <paramref name="kind"/> of the current round (after the last dispatch, transfer or rework).</summary>
    private static TicketTransition? Current(KpiTicket ticket, TicketActionKind kind)
    {
        for (var i = ticket.Trail.Count - 1; i >= 0; i--)
        {
            var entry = ticket.Trail[i];
            if (entry.Action == kind)
            {
                return entry;
            }

            if (RoundStarts.Contains(entry.Action))
            {
                return null;
            }
        }

        return null;
    }

    private static TicketTransition? CurrentResolve(KpiTicket ticket) => Current(ticket, TicketActionKind.Resolve);

    /// <summary>Whether the last stop/resume of the clock before the end was a stop.</summary>
    private static bool SuspendedAtEnd(KpiPeriod period, KpiTicket ticket) =>
        ticket.Trail.LastOrDefault(e => e.Action is TicketActionKind.Suspend or TicketActionKind.Resume && e.At < period.End)?.Action
        == TicketActionKind.Suspend;

    /// <summary>Tickets with a resolution in the period, each with its first one there.</summary>
    private static List<(KpiTicket Ticket, TicketTransition First)> ResolvedIn(KpiPeriod period, IReadOnlyList<KpiTicket> tickets) =>
        [.. tickets
            .Select(t => (Ticket: t, First: t.Trail.FirstOrDefault(e => e.Action == TicketActionKind.Resolve && period.Contains(e.At))))
            .Where(x => x.First is not null)
            .Select(x => (x.Ticket, x.First!))];

    private static bool AnyAfter(KpiTicket ticket, TicketTransition after, KpiPeriod period, TicketActionKind kind) =>
        ticket.Trail.Any(e => e.Sequence > after.Sequence && e.Action == kind && e.At < period.End);

    /// <summary>
    /// The rating a callback entry records: its <see cref="TicketTransition.Rating"/>; for an entry written before that
    /// field existed (null), its text ("rated Satisfied") as a fallback.
    /// </summary>
    public static CallbackRating? RatingOf(TicketTransition callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return callback.Rating ?? (callback.Detail is { } detail && detail.StartsWith("rated ", StringComparison.Ordinal)
            && Enum.TryParse<CallbackRating>(detail[6..].Trim(), out var rating) && Enum.IsDefined(rating) ? rating : null);
    }

    /// <summary>
    /// Whether an extension decision approved: its <see cref="TicketTransition.Approved"/>; for an entry written before
    /// that field existed (null), its text ("approved 3wd") as a fallback.
    /// </summary>
    public static bool IsApproval(TicketTransition decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return decision.Approved ?? decision.Detail?.StartsWith("approved", StringComparison.Ordinal) == true;
    }

    /// <summary>
    /// The level a resolution entry records: its <see cref="TicketTransition.Level"/>; for an entry written before that
    /// field existed (null), its text ("by unit at Grid level") as a fallback.
    /// </summary>
    public static ResolutionLevel? LevelOf(TicketTransition resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (resolve.Level is { } level)
        {
            return level;
        }

        return LegacyLevelOf(resolve.Detail);
    }

    private static ResolutionLevel? LegacyLevelOf(string? detail)
    {
        if (detail is null)
        {
            return null;
        }

        var at = detail.LastIndexOf(" at ", StringComparison.Ordinal);
        var end = detail.LastIndexOf(" level", StringComparison.Ordinal);
        return at >= 0 && end > at && Enum.TryParse<ResolutionLevel>(detail[(at + 4)..end], out var level) && Enum.IsDefined(level) ? level : null;
    }
}
