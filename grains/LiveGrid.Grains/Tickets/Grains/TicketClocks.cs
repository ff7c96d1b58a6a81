using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The SLA clocks of a ticket, rebuilt from the ticket itself (milestones, suspensions, approved extensions) and the
/// city's SLA table and calendar. Pure: the grain reads them at whatever instant it needs.
/// </summary>
public static class TicketClocks
{
    private static readonly SlaStage[] Stages = [SlaStage.Dispatch, SlaStage.Accept, SlaStage.Resolve, SlaStage.CallBack];

    /// <summary>
    /// The clock the board ages the ticket by: dispatch until dispatched, resolve while with a unit (also while returned
    /// to the dispatcher), call back once resolved; none once called back or terminal. A suspended ticket ages by the
    /// stage it was suspended from.
    /// </summary>
    public static SlaStage? AgingStage(Ticket ticket)
    {
        var status = ticket.Status == TicketStatus.Suspended ? ticket.SuspendedFrom ?? ticket.Status : ticket.Status;
        return status switch
        {
            TicketStatus.Received or TicketStatus.Classified => SlaStage.Dispatch,
            TicketStatus.Dispatched or TicketStatus.Accepted or TicketStatus.OnSite or TicketStatus.Returned => SlaStage.Resolve,
            TicketStatus.Resolved => SlaStage.CallBack,
            _ => null,
        };
    }

    /// <summary>The clock of one stage, or null when the ticket is not classified, the stage has not started or has no limit.</summary>
    public static SlaClock? Clock(Ticket ticket, SlaStage stage, CityModel city)
    {
        if (ticket.Classification is not { } classification
            || city.Sla.LimitFor(stage, classification.Category, classification.Priority, classification.Kind) is not { } limit
            || Start(ticket, stage) is not { } start)
        {
            return null;
        }

        return new SlaClock(
            city.Calendar,
            start,
            limit,
            ticket.Suspensions.Select(s => new SlaSuspension(s.Start, s.End)),
            stage == SlaStage.Resolve ? Extensions(ticket) : null,
            city.Sla.Aging);
    }

    /// <summary>The resolve limit's approved extensions, as limits.</summary>
    public static IReadOnlyList<TimeLimit> Extensions(Ticket ticket) =>
    [
        .. ticket.ApprovedExtensions
            .Select(e => TimeLimit.TryParse(e.Limit, out var limit) ? limit : default)
            .Where(limit => limit.IsValid && limit.Amount > 0),
    ];

    public static DateTimeOffset? Start(Ticket ticket, SlaStage stage) => stage switch
    {
        SlaStage.Dispatch => ticket.Milestones.ReceivedAt,
        SlaStage.Accept or SlaStage.Resolve => ticket.Milestones.LatestDispatchedAt,
        SlaStage.CallBack => ticket.Milestones.ResolvedAt,
        _ => null,
    };

    /// <summary>When the stage was met in the current round, or null while it runs.</summary>
    public static DateTimeOffset? MetAt(Ticket ticket, SlaStage stage) => stage switch
    {
        SlaStage.Dispatch => ticket.Milestones.FirstDispatchedAt,
        SlaStage.Accept => ticket.Milestones.AcceptedAt,
        SlaStage.Resolve => ticket.Milestones.ResolvedAt,
        SlaStage.CallBack => ticket.Milestones.CalledBackAt,
        _ => null,
    };

    /// <summary>Every clock that applies, read at <paramref name="now"/> (a met clock is read where it was met).</summary>
    public static IReadOnlyList<TicketStageClock> Read(Ticket ticket, CityModel city, DateTimeOffset now)
    {
        var clocks = new List<TicketStageClock>(Stages.Length);
        foreach (var stage in Stages)
        {
            if (Clock(ticket, stage, city) is not { } clock)
            {
                continue;
            }

            var metAt = MetAt(ticket, stage);
            var running = metAt is null && !ticket.IsTerminal;
            var at = metAt ?? (ticket.IsTerminal ? ticket.LastChangedAt : now);
            var reading = clock.ReadAt(at);
            clocks.Add(new TicketStageClock(
                stage,
                Describe(clock),
                clock.Start,
                reading.Deadline,
                reading.Bucket,
                reading.UsedFraction,
                running && reading.IsSuspended,
                running,
                metAt,
                metAt is { } met ? met <= reading.Deadline : null));
        }

        return clocks;
    }

    /// <summary>"5wd + 3wd": the limit with its extensions.</summary>
    public static string Describe(SlaClock clock) =>
        string.Join(" + ", new[] { clock.Limit }.Concat(clock.Extensions).Select(limit => limit.ToString()));

    /// <summary>An instant <paramref name="limit"/> after <paramref name="instant"/>, counted the limit's way.</summary>
    public static DateTimeOffset After(CityModel city, DateTimeOffset instant, TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.NaturalHours => instant + TimeSpan.FromHours(limit.Amount),
        TimeLimitUnit.NaturalDays => instant + TimeSpan.FromDays(limit.Amount),
        TimeLimitUnit.WorkingHours => city.Calendar.AddWorkingTime(instant, TimeSpan.FromHours(limit.Amount)),
        _ => city.Calendar.ShiftWorkingDays(instant, limit.Amount),
    };

    /// <summary>A limit as a plain span (working units counted as clock time), for look-back windows.</summary>
    public static TimeSpan Span(TimeLimit limit) => limit.Unit switch
    {
        TimeLimitUnit.NaturalHours or TimeLimitUnit.WorkingHours => TimeSpan.FromHours(limit.Amount),
        _ => TimeSpan.FromDays(limit.Amount),
    };
}
