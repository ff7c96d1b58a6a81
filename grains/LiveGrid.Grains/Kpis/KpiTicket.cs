using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Kpis;

/// <summary>
/// One ticket as the KPI engine reads it: its audit trail (the durable event log, oldest first) and the few facts the
/// trail does not hold, which come from its clocks: the current round's resolve deadline and whether the current
/// round was resolved and accepted by their deadlines. Where the ticket is (grid, unit, worker) is where it is now.
/// </summary>
public sealed record KpiTicket
{
    public required string Id { get; init; }

    public string? GridCode { get; init; }

    public string? LeadUnitId { get; init; }

    public string? WorkerId { get; init; }

    /// <summary>The audit trail, oldest first; the first entry is the intake.</summary>
    public required IReadOnlyList<TicketTransition> Trail { get; init; }

    /// <summary>The current round's resolve (办结) deadline, with approved extensions and suspensions; null before dispatch.</summary>
    public DateTimeOffset? ResolveDeadline { get; init; }

    /// <summary>Whether the current round's resolution came by its deadline; null while unresolved.</summary>
    public bool? ResolvedOnTime { get; init; }

    /// <summary>Whether the current round's acceptance (签收) came within the accept limit; null while not accepted.</summary>
    public bool? AcceptedOnTime { get; init; }

    /// <summary>The ticket as the grain shows it, with the trail read alongside.</summary>
    public static KpiTicket From(TicketView view, IReadOnlyList<TicketTransition> trail)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(trail);
        return new KpiTicket
        {
            Id = view.Summary.Id,
            GridCode = view.Summary.GridCode,
            LeadUnitId = view.Summary.LeadUnitId,
            WorkerId = view.Summary.AssigneeWorkerId,
            Trail = trail,
            ResolveDeadline = view.Clocks.LastOrDefault(c => c.Stage == SlaStage.Resolve)?.Deadline,
            ResolvedOnTime = view.Summary.ResolvedOnTime,
            AcceptedOnTime = view.Clocks.LastOrDefault(c => c.Stage == SlaStage.Accept)?.MetOnTime,
        };
    }
}
