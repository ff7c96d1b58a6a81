using LiveGrid.Grains.Events;

namespace LiveGrid.Silo.Live;

/// <summary>Which scopes an event belongs to (see the push protocol): the narrowest first, "city" last.</summary>
public static class LiveScopes
{
    public static void Of(DomainEvent domainEvent, List<string> into)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        switch (domainEvent)
        {
            case TicketChanged e: Ticket(e.Summary, into); break;
            case TicketAgingChanged e: Ticket(e.Summary, into); break;
            case TicketSupervised e: Ticket(e.Summary, into); break;
            case TicketSuspensionTooLong e: Ticket(e.Summary, into); break;
            case TicketDuplicateSuspected e: Ticket(e.Summary, into); break;
            case InspectionChanged e:
                into.Add(LiveScope.Worker(e.Summary.WorkerId));
                Territory(e.Summary.GridCode, into);
                into.Add(LiveScope.City);
                break;
            case GridChanged e:
                Territory(e.Report.Code, into);
                into.Add(LiveScope.City);
                break;
            case AreaChanged e:
                if (e.Report.Code != LiveScope.City)
                {
                    Territory(e.Report.Code, into);
                }

                into.Add(LiveScope.City);
                break;
            case WorkerChanged e: into.Add(LiveScope.Worker(e.WorkerId)); break;
            case WorkerNotified e: into.Add(LiveScope.Worker(e.WorkerId)); break;
            default: into.Add(LiveScope.City); break;
        }
    }

    private static void Ticket(Grains.Tickets.TicketSummary summary, List<string> into)
    {
        into.Add(LiveScope.Ticket(summary.Id));
        if (summary.AssigneeWorkerId is { Length: > 0 } worker)
        {
            into.Add(LiveScope.Worker(worker));
        }

        if (summary.GridCode is { Length: > 0 } grid)
        {
            Territory(grid, into);
        }

        into.Add(LiveScope.City);
    }

    // A grid's or an area's own scope and those of the areas above it: codes are prefixes (6, 9, 12, 15 digits).
    private static void Territory(string code, List<string> into)
    {
        if (code.Length == 15)
        {
            into.Add(LiveScope.Grid(code));
        }
        else
        {
            into.Add(LiveScope.Area(code));
        }

        for (var length = 12; length >= 6; length -= 3)
        {
            if (code.Length > length)
            {
                into.Add(LiveScope.Area(code[..length]));
            }
        }
    }
}
