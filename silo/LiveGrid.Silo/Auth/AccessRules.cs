using LiveGrid.Grains.City;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// Who may call which endpoint, by endpoint name, with the resource checks (is it their ticket, their grid, their
/// patrol). One table, so every family reads the same way; an endpoint it does not name is the administrator's.
/// </summary>
public sealed class AccessRules(IGrainFactory grains, CityModel city)
{
    private static readonly string[] Readers = TicketAccess.CityReaders;

    /// <summary>Null when the user may go on; else why not (the 403's detail).</summary>
    public async Task<string?> RefuseAsync(string? endpointName, HttpContext http, LiveGridUser user)
    {
        if (user.IsAdministrator)
        {
            return null;
        }

        var territory = city.Territory;
        var id = http.Request.RouteValues.TryGetValue("id", out var value) ? value as string : null;
        switch (endpointName)
        {
            case "GetMe" or "GetCategories" or "GetSlaRules" or "GetCalendar" or "GetTerritory" or "GetTerritoryCsv"
                or "GetEvidence" or "GetEvidenceThumbnail":
                return null;

            case "CreateTicket":
                return Role(user, "take tickets in", LiveGridRoles.Operator);
            case "ListTickets":
                return ScopeTicketList(http, user, territory);
            case "GetTicket" or "GetTicketAudit":
                return await TicketAsync(id) is { } read && !TicketAccess.CanRead(user, read, territory)
                    ? $"Ticket {id} is not one of yours (your unit's, your grid's or assigned to you)."
                    : null;
            case "ScheduleTicketVerification":
                return Role(user, "schedule verifications", LiveGridRoles.Operator, LiveGridRoles.CommandCenter);
            case "UploadTicketPhoto":
                return await HandlerAsync(user, id, territory, "add evidence to");

            case "GetInspection":
                return user.IsAny(Readers) ? null : await OwnInspectionAsync(user, id);
            case "InspectionCheckIn" or "InspectionCheckpoint" or "InspectionFinding" or "InspectionComplete" or "UploadInspectionPhoto":
                return await OwnInspectionAsync(user, id);

            case "GetCityBoard" or "GetAreaBoard":
                return Role(user, "read the area boards", Readers);
            case "GetGridBoard":
                return user.IsAny(Readers) || IsOwnGrid(user, territory, http.Request.RouteValues["code"] as string)
                    ? null
                    : "Only the command center, operators, assessors and the grid's own workers read a grid's board.";

            case "GetWorker" or "GetWorkerFeed":
                return user.IsAny(Readers) || IsSelf(user, id) ? null : "A grid worker reads only their own worker view.";
            case "SetWorkerDuty":
                return user.IsAny(LiveGridRoles.CommandCenter) || IsSelf(user, id) ? null : "Only the worker or the command center sets a worker's duty.";

            case Endpoints.CallerEndpoints.RevealEndpointName:
                // Its own policy on the endpoint (CallerEndpoints.RevealRoles) has let only the roles that may see callers through.
                return null;

            case "GetKpis" or "GetScorecard" or "ListReports" or "GetReport" or "GenerateReport":
                return Role(user, "read KPIs and reports", LiveGridRoles.Assessor, LiveGridRoles.CommandCenter);
        }

        if (endpointName is not null && endpointName.StartsWith("Ticket", StringComparison.Ordinal)
            && Enum.TryParse<TicketActionKind>(endpointName["Ticket".Length..], out var kind))
        {
            return await TicketActionAsync(user, kind, id, territory);
        }

        // Territory writes, users, the test clock and anything not listed: the administrator's.
        return "Only an administrator may do this.";
    }

    private async Task<string?> TicketActionAsync(LiveGridUser user, TicketActionKind kind, string? id, CityTerritory territory)
    {
        switch (kind)
        {
            case TicketActionKind.Accept or TicketActionKind.ArriveOnSite or TicketActionKind.Resolve or TicketActionKind.Return
                or TicketActionKind.RequestExtension:
                return await HandlerAsync(user, id, territory, ActionName(kind));
            case TicketActionKind.Supervise:
                return Role(user, "supervise (督办)", LiveGridRoles.CommandCenter);
            case TicketActionKind.Verify:
                // 核查: an operator records it, or a worker of the ticket's grid who went to look.
                if (user.IsAny(LiveGridRoles.Operator))
                {
                    return null;
                }

                return user.Is(LiveGridRoles.GridWorker) && await TicketAsync(id) is { } ticket && TicketAccess.CanHandle(user, ticket, territory)
                    ? null
                    : $"Only an operator or a worker of the ticket's grid may verify ticket {id}.";
            default:
                // Classify, dispatch, redispatch, call back, close, transfer, extension decisions, suspend, resume, rework, merge.
                return Role(user, ActionName(kind), LiveGridRoles.Operator);
        }
    }

    private async Task<string?> HandlerAsync(LiveGridUser user, string? id, CityTerritory territory, string what)
    {
        if (!user.IsAny(LiveGridRoles.GridWorker, LiveGridRoles.UnitHandler))
        {
            return $"Only the ticket's own grid worker or unit handler may {what} a ticket.";
        }

        // A ticket that does not exist is the endpoint's 404.
        return await TicketAsync(id) is { } ticket && !TicketAccess.CanHandle(user, ticket, territory)
            ? $"Ticket {id} is not with your unit or assigned to you; you may not {what} it."
            : null;
    }

    private async Task<string?> OwnInspectionAsync(LiveGridUser user, string? id)
    {
        if (!user.Is(LiveGridRoles.GridWorker) || id is null)
        {
            return "Only the patrol's own grid worker may do this.";
        }

        return await grains.GetGrain<IInspectionGrain>(id).Get() is { } view && !string.Equals(view.Summary.WorkerId, user.WorkerId, StringComparison.Ordinal)
            ? $"Inspection {id} is another worker's."
            : null;
    }

    /// <summary>
    /// A grid worker lists their grid's tickets (or theirs, with worker=their id), a unit handler their unit's: the
    /// query is narrowed to that, and a filter asking for someone else's is refused.
    /// </summary>
    private static string? ScopeTicketList(HttpContext http, LiveGridUser user, CityTerritory territory)
    {
        if (user.IsAny(Readers))
        {
            return null;
        }

        var query = http.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        if (user.Is(LiveGridRoles.GridWorker) && user.WorkerId is { } worker)
        {
            if (query.TryGetValue("worker", out var asked) && string.Equals(asked.ToString().Trim(), worker, StringComparison.Ordinal))
            {
                return null;
            }

            if (TicketAccess.GridOf(user, territory) is not { } grid)
            {
                return $"Worker {worker} has no grid in the territory.";
            }

            foreach (var filter in (string[])["grid", "community", "street", "territory", "worker", "unit"])
            {
                if (query.TryGetValue(filter, out var other) && !StringValues.IsNullOrEmpty(other) && !string.Equals(other.ToString().Trim(), grid, StringComparison.Ordinal))
                {
                    return $"A grid worker lists their own grid's tickets ({grid}) or their own (worker={worker}).";
                }

                query.Remove(filter);
            }

            query["grid"] = grid;
        }
        else if (user.Is(LiveGridRoles.UnitHandler) && user.UnitId is { } unit)
        {
            if (query.TryGetValue("unit", out var other) && !StringValues.IsNullOrEmpty(other) && !string.Equals(other.ToString().Trim(), unit, StringComparison.Ordinal))
            {
                return $"A unit handler lists their own unit's tickets ({unit}).";
            }

            query["unit"] = unit;
        }
        else
        {
            return "Your role does not list tickets.";
        }

        http.Request.Query = new QueryCollection(query);
        return null;
    }

    private async Task<TicketSummary?> TicketAsync(string? id) =>
        id is null ? null : await grains.GetGrain<ITicketGrain>(id).GetSummary();

    private static bool IsSelf(LiveGridUser user, string? workerId) =>
        user.Is(LiveGridRoles.GridWorker) && workerId is not null && string.Equals(user.WorkerId, workerId, StringComparison.Ordinal);

    private static bool IsOwnGrid(LiveGridUser user, CityTerritory territory, string? code) =>
        code is not null && TicketAccess.GridOf(user, territory) is { } grid
        && string.Equals(territory.FindGrid(code.Trim())?.Code.Value ?? code.Trim(), grid, StringComparison.Ordinal);

    private static string? Role(LiveGridUser user, string what, params string[] roles) =>
        user.IsAny(roles) ? null : $"Only {string.Join(" or ", roles)} may {what}.";

    private static string ActionName(TicketActionKind kind) => kind switch
    {
        TicketActionKind.ArriveOnSite => "arrive on site for",
        TicketActionKind.RequestExtension => "request an extension for",
        TicketActionKind.MergeInto => "merge",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
