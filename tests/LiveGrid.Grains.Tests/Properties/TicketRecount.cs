using LiveGrid.Grains.Boards;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Properties;

/// <summary>
/// The board's ticket counters recounted from scratch, from the domain's definitions: open = not Closed and not
/// Merged; aging, suspension, supervision and escalation count open tickets only; the "today" counters count what
/// happened on the local <paramref name="day"/>, whatever the ticket's status now. When a ticket was closed or merged
/// is read from its audit trail (the transition into the terminal status), not from the summary.
/// </summary>
internal static class TicketRecount
{
    public static BoardCounters Of(
        CityModel city, DateOnly day, IEnumerable<TicketSummary> tickets, IReadOnlyDictionary<string, DateTimeOffset> terminalAt)
    {
        var all = tickets.ToList();
        var open = all.Where(t => t.Status is not (TicketStatus.Closed or TicketStatus.Merged)).ToList();
        bool Today(DateTimeOffset? at) => at is { } instant && city.LocalDate(instant) == day;
        return new BoardCounters
        {
            Day = day,
            Open = open.Count,
            ByStatus = open.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count()),
            Aging = new AgingCounts(
                open.Count(t => t.Bucket == AgingBucket.Under50),
                open.Count(t => t.Bucket == AgingBucket.From50To75),
                open.Count(t => t.Bucket == AgingBucket.From75To100),
                open.Count(t => t.Bucket == AgingBucket.Overdue)),
            Suspended = open.Count(t => t.Status == TicketStatus.Suspended),
            Supervised = open.Count(t => t.Supervision is not null),
            Escalated = open.Count(t => t.EscalatedTo is TerritoryLevel.Community or TerritoryLevel.Street or TerritoryLevel.District),
            ReceivedToday = all.Count(t => Today(t.ReceivedAt)),
            ResolvedToday = all.Count(t => Today(t.ResolvedAt)),
            ResolvedOnTimeToday = all.Count(t => Today(t.ResolvedAt) && t.ResolvedOnTime == true),
            ClosedToday = all.Count(t => terminalAt.TryGetValue(t.Id, out var at) && Today(at)),
            RatedToday = all.Count(t => t.Rating is not null && Today(t.CalledBackAt)),
            SatisfiedToday = all.Count(t => t.Rating is CallbackRating.Satisfied or CallbackRating.BasicallySatisfied && Today(t.CalledBackAt)),
        };
    }
}
