using System.Globalization;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Kpis;

/// <summary>
/// Hand-built ticket records for the KPI engine's tests, in a UTC+8 city, for the period [2026-11-23, 2026-11-24).
/// Each ticket is one edge case; the expected figures in <see cref="KpiEngineTests"/> are counted by hand from these.
/// </summary>
internal static class KpiTrails
{
    public const string Grid1 = "110101001001001";
    public const string Grid2 = "110101001001002";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");

    public static DateOnly From { get; } = new(2026, 11, 23);

    public static DateOnly To { get; } = new(2026, 11, 24);

    /// <summary>A local time in the city ("2026-11-23 09:00").</summary>
    public static DateTimeOffset L(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    public static KpiTicket Ticket(string id, params (string At, TicketActionKind Kind, string? Detail)[] events) => new()
    {
        Id = id,
        GridCode = Grid1,
        LeadUnitId = "grid-unit-1",
        WorkerId = "w1a",
        Trail = [.. events.Select((e, i) => new TicketTransition(
            i + 1, L(e.At), new TicketActor("someone", ActorRole.HotlineOperator, "someone"), null, TicketStatus.Received, e.Kind, null, e.Detail))],
    };

    /// <summary>Received, dispatched, accepted on time, resolved at grid level on time, rated satisfied, closed: all in the period.</summary>
    public static KpiTicket A { get; } = Ticket("A",
        ("2026-11-23 09:00", TicketActionKind.Receive, null),
        ("2026-11-23 09:10", TicketActionKind.Dispatch, null),
        ("2026-11-23 09:20", TicketActionKind.Accept, null),
        ("2026-11-23 10:00", TicketActionKind.Resolve, "by grid-unit-1 at Grid level"),
        ("2026-11-23 11:00", TicketActionKind.CallBack, "rated Satisfied"),
        ("2026-11-23 11:05", TicketActionKind.Close, "rated Satisfied"))
        with { ResolveDeadline = L("2026-11-23 17:00"), ResolvedOnTime = true, AcceptedOnTime = true };

    /// <summary>Suspended (停止计时) at the end of the period, its deadline inside it: not "due" for 按期办结率.</summary>
    public static KpiTicket B { get; } = Ticket("B",
        ("2026-11-23 09:00", TicketActionKind.Receive, null),
        ("2026-11-23 09:30", TicketActionKind.Dispatch, null),
        ("2026-11-23 10:00", TicketActionKind.Suspend, null))
        with { ResolveDeadline = L("2026-11-23 18:00") };

    /// <summary>Reworked after an unsatisfied callback, then accepted late, resolved again at grid level, rated basically satisfied.</summary>
    public static KpiTicket C { get; } = Ticket("C",
        ("2026-11-23 08:00", TicketActionKind.Receive, null),
        ("2026-11-23 08:10", TicketActionKind.Dispatch, null),
        ("2026-11-23 08:20", TicketActionKind.Accept, null),
        ("2026-11-23 09:00", TicketActionKind.Resolve, "by community-unit at Community level"),
        ("2026-11-23 10:00", TicketActionKind.CallBack, "rated Unsatisfied"),
        ("2026-11-23 10:30", TicketActionKind.Rework, "UnsatisfiedCallback: rework 1 of community-unit"),
        ("2026-11-23 10:40", TicketActionKind.Accept, null),
        ("2026-11-23 12:00", TicketActionKind.Resolve, "by grid-unit-1 at Grid level"),
        ("2026-11-23 13:00", TicketActionKind.CallBack, "rated BasicallySatisfied"))
        with { ResolveDeadline = L("2026-11-23 16:00"), ResolvedOnTime = true, AcceptedOnTime = false };

    /// <summary>A duplicate merged into another ticket: excluded from the measures, counted by the board.</summary>
    public static KpiTicket D { get; } = Ticket("D",
        ("2026-11-23 09:05", TicketActionKind.Receive, null),
        ("2026-11-23 09:30", TicketActionKind.MergeInto, "duplicate of A"));

    /// <summary>
    /// Received the day before, extended, resolved late at street level at 01:00 local on the 23rd (17:00 UTC on the
    /// 22nd: in the period by local date) and closed without callback.
    /// </summary>
    public static KpiTicket E { get; } = Ticket("E",
        ("2026-11-22 15:00", TicketActionKind.Receive, null),
        ("2026-11-22 15:10", TicketActionKind.Dispatch, null),
        ("2026-11-22 16:00", TicketActionKind.Accept, null),
        ("2026-11-22 16:30", TicketActionKind.RequestExtension, "3wd for street-unit"),
        ("2026-11-22 17:00", TicketActionKind.DecideExtension, "approved 3wd"),
        ("2026-11-23 01:00", TicketActionKind.Resolve, "by street-unit at Street level"),
        ("2026-11-23 02:00", TicketActionKind.Close, "without callback"))
        with { ResolveDeadline = L("2026-11-22 20:00"), ResolvedOnTime = false, AcceptedOnTime = true };

    /// <summary>Received and returned (退单) in the period; redispatched, accepted and resolved after it.</summary>
    public static KpiTicket F { get; } = Ticket("F",
        ("2026-11-23 20:00", TicketActionKind.Receive, null),
        ("2026-11-23 20:10", TicketActionKind.Dispatch, null),
        ("2026-11-23 21:00", TicketActionKind.Return, null),
        ("2026-11-24 08:00", TicketActionKind.Redispatch, null),
        ("2026-11-24 08:30", TicketActionKind.Accept, null),
        ("2026-11-24 09:00", TicketActionKind.Resolve, "by grid-unit-1 at Grid level"))
        with { ResolveDeadline = L("2026-11-24 12:00"), ResolvedOnTime = true, AcceptedOnTime = true };

    /// <summary>Received two days before, overdue since the 22nd, still open.</summary>
    public static KpiTicket G { get; } = Ticket("G",
        ("2026-11-21 10:00", TicketActionKind.Receive, null),
        ("2026-11-21 10:10", TicketActionKind.Dispatch, null),
        ("2026-11-21 11:00", TicketActionKind.Accept, null))
        with { ResolveDeadline = L("2026-11-22 10:00"), AcceptedOnTime = true };

    /// <summary>In grid 2: due at noon in the period, never accepted or resolved.</summary>
    public static KpiTicket H { get; } = Ticket("H",
        ("2026-11-23 08:00", TicketActionKind.Receive, null),
        ("2026-11-23 08:05", TicketActionKind.Dispatch, null))
        with { ResolveDeadline = L("2026-11-23 12:00"), GridCode = Grid2, LeadUnitId = "grid-unit-2", WorkerId = "w2a" };

    /// <summary>Resolved at grid level on the day of intake, then a failed verification sent it to rework; not resolved again.</summary>
    public static KpiTicket I { get; } = Ticket("I",
        ("2026-11-23 09:00", TicketActionKind.Receive, null),
        ("2026-11-23 09:10", TicketActionKind.Dispatch, null),
        ("2026-11-23 09:15", TicketActionKind.Accept, null),
        ("2026-11-23 11:00", TicketActionKind.Resolve, "by grid-unit-1 at Grid level"),
        ("2026-11-23 14:00", TicketActionKind.Verify, "failed"),
        ("2026-11-23 15:00", TicketActionKind.Rework, "FailedVerification: rework 1 of grid-unit-1"))
        with { ResolveDeadline = L("2026-11-24 12:00") };

    public static IReadOnlyList<KpiTicket> All { get; } = [A, B, C, D, E, F, G, H, I];
}
