using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>Ticket and inspection summaries as ticket and inspection grains would report them, for feeding boards directly.</summary>
internal static class Summaries
{
    /// <summary>A freshly dispatched ticket: running resolve clock in the first bucket.</summary>
    public static TicketSummary Ticket(string id, string grid, DateTimeOffset receivedAt, long revision = 1) => new()
    {
        Id = id,
        Version = (int)revision,
        Revision = revision,
        Status = TicketStatus.Dispatched,
        Source = TicketSource.Hotline,
        Category = DefaultCategoryCodes.ExposedRubbish,
        GridCode = grid,
        Title = $"ticket {id}",
        ReceivedAt = receivedAt,
        LastChangedAt = receivedAt,
        AgingStage = SlaStage.Resolve,
        Deadline = receivedAt.AddDays(3),
        Bucket = AgingBucket.Under50,
    };

    /// <summary>The next revision of <paramref name="summary"/>, changed at <paramref name="at"/>.</summary>
    public static TicketSummary Next(this TicketSummary summary, DateTimeOffset at, Func<TicketSummary, TicketSummary> change) =>
        change(summary) with { Revision = summary.Revision + 1, Version = summary.Version + 1, LastChangedAt = at };

    public static TicketSummary Closed(this TicketSummary summary, DateTimeOffset at) => summary.Next(at, s => s with
    {
        Status = TicketStatus.Closed,
        ClosedAt = at,
        AgingStage = null,
        Deadline = null,
        Bucket = null,
    });

    public static InspectionSummary Patrol(string id, string grid, DateTimeOffset windowStart, InspectionStatus status, int version, int findings = 0) => new()
    {
        Id = id,
        Version = version,
        Kind = InspectionKind.Patrol,
        Status = status,
        GridCode = grid,
        WorkerId = "w1a",
        Shift = "早班",
        WindowStart = windowStart,
        WindowEnd = windowStart.AddHours(4),
        Findings = findings,
    };
}
