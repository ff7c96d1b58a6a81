using System.Globalization;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Api.Tickets;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LiveGrid.Silo.Endpoints;

/// <summary>Hotline tickets (12345 热线工单): intake, lists, one ticket, its audit trail, and every action on it.</summary>
public static class TicketEndpoints
{
    public static IEndpointRouteBuilder MapTicketEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var tickets = endpoints.MapGroup("/api/tickets").WithTags("Tickets").AddEndpointFilter<ActorBindingFilter>();

        tickets.MapPost("/", CreateTicketAsync).WithName("CreateTicket").WithSummary("受理: take a request in");
        tickets.MapGet("/", ListTickets).WithName("ListTickets").WithSummary("Tickets from the catalog, filtered, sorted and paged");
        tickets.MapGet("/{id}", GetTicketAsync).WithName("GetTicket");
        tickets.MapGet("/{id}/audit", GetAuditTrailAsync).WithName("GetTicketAudit").WithSummary("The audit trail, oldest first");

        foreach (var route in TicketActionRoute.All)
        {
            tickets.MapPost($"/{{id}}/{route.Segment}",
                    (string id, TicketActionRequest request, HttpRequest http, [FromServices] IGrainFactory grains,
                        [FromServices] CityModel city, [FromServices] TimeProvider time) =>
                        ExecuteAsync(route.Kind, id, request, http, grains, city, time))
                .WithName($"Ticket{route.Kind}")
                .WithSummary(route.Summary);
        }

        return endpoints;
    }

    public static async Task<Results<Created<TicketView>, ValidationProblem, ProblemHttpResult>> CreateTicketAsync(
        TicketIntakeRequest request,
        [FromServices] IGrainFactory grains,
        [FromServices] CityModel city,
        [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        errors.Required(request.Description, "description");
        // The grain checks these too; checked here first so a refused intake takes no ticket number.
        errors.MaxLength(request.Description?.Trim(), TicketIntakeCheck.MaxDescriptionLength, "description");
        errors.MaxLength(request.CallerName, TicketIntakeCheck.MaxCallerNameLength, "callerName");
        errors.MaxLength(request.CallerPhone, TicketIntakeCheck.MaxCallerPhoneLength, "callerPhone");
        errors.MaxLength(request.Address, TicketIntakeCheck.MaxAddressLength, "address");
        TicketActionMapper.CheckCategory(request.Category, city, errors);
        if (request.Longitude is null != request.Latitude is null)
        {
            errors.Add("longitude", "longitude and latitude go together");
        }

        if (request.GridCode is { } grid && !GridCode.TryParse(grid.Trim(), out _))
        {
            errors.Add("gridCode", $"'{grid}' is not a 15-digit grid code");
        }

        // JSON enums also take numbers: a number that names nothing is refused here, by field.
        if (request.Source is { } source && !Enum.IsDefined(source))
        {
            errors.Add("source", $"the source is one of {string.Join(", ", Enum.GetNames<TicketSource>())}");
        }

        if (request.Priority is { } priority && !Enum.IsDefined(priority))
        {
            errors.Add("priority", $"the priority is one of {string.Join(", ", Enum.GetNames<Priority>())}");
        }

        if (request.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add("kind", $"the request kind is one of {string.Join(", ", Enum.GetNames<RequestKind>())}");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        var now = time.GetUtcNow();
        var day = city.LocalDate(now).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var id = await grains.GetGrain<ITicketNumberGrain>(day).Next();
        var intake = new TicketIntake
        {
            ReceivedBy = actor!,
            Source = request.Source ?? TicketSource.Hotline,
            CallerName = request.CallerName,
            CallerPhone = request.CallerPhone,
            Description = request.Description!.Trim(),
            Address = request.Address,
            Longitude = request.Longitude,
            Latitude = request.Latitude,
            GridCode = request.GridCode?.Trim(),
            Category = request.Category?.Trim(),
            Priority = request.Priority,
            Kind = request.Kind,
        };

        var result = await grains.GetGrain<ITicketGrain>(id).Receive(intake);
        if (result is { Applied: true, View: { } view })
        {
            return TypedResults.Created($"/api/tickets/{Uri.EscapeDataString(id)}", view);
        }

        return Refusal(id, result) switch
        {
            ValidationProblem validation => validation,
            var problem => (ProblemHttpResult)problem,
        };
    }

    public static Results<Ok<TicketListResponse>, ValidationProblem> ListTickets(
        [AsParameters] TicketListQuery query,
        [FromServices] ITicketCatalog catalog)
    {
        var errors = new ValidationErrors();
        var page = query.Page ?? 1;
        var pageSize = query.PageSize ?? TicketListQuery.DefaultPageSize;
        if (page < 1)
        {
            errors.Add("page", "pages count from 1");
        }

        if (pageSize is < 1 or > TicketListQuery.MaxPageSize)
        {
            errors.Add("pageSize", $"the page size is 1 to {TicketListQuery.MaxPageSize}");
        }

        if (query.From is { } from && query.To is { } to && to < from)
        {
            errors.Add("to", "'to' is before 'from'");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        var result = catalog.Query(new TicketQuery
        {
            Statuses = query.Status is { Length: > 0 } statuses ? statuses : null,
            Category = Blank(query.Category),
            Territory = Blank(query.Grid) ?? Blank(query.Community) ?? Blank(query.Street) ?? Blank(query.Territory),
            UnitId = Blank(query.Unit),
            WorkerId = Blank(query.Worker),
            Open = query.Open,
            Overdue = query.Overdue,
            Bucket = query.Bucket,
            Source = query.Source,
            ReceivedFrom = query.From,
            ReceivedTo = query.To,
            Text = Blank(query.Q),
            Sort = query.Sort ?? TicketSort.Newest,
            Offset = (int)Math.Min(int.MaxValue, (long)(page - 1) * pageSize),
            Limit = pageSize,
        });
        return TypedResults.Ok(new TicketListResponse(result.Items, result.Total, page, pageSize));
    }

    public static async Task<Results<Ok<TicketView>, ProblemHttpResult>> GetTicketAsync(
        string id, HttpResponse response, [FromServices] IGrainFactory grains)
    {
        if (await grains.GetGrain<ITicketGrain>(id).Get() is not { } view)
        {
            return NoSuchTicket(id);
        }

        SetETag(response, view);
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<IReadOnlyList<TicketTransition>>, ProblemHttpResult>> GetAuditTrailAsync(
        string id, [FromServices] IGrainFactory grains)
    {
        var trail = await grains.GetGrain<ITicketGrain>(id).GetAuditTrail();
        // Every ticket starts with its intake entry: an empty trail is a ticket that does not exist.
        return trail.Count == 0 ? NoSuchTicket(id) : TypedResults.Ok(trail);
    }

    public static async Task<Results<Ok<TicketView>, ValidationProblem, ProblemHttpResult>> ExecuteAsync(
        TicketActionKind kind, string id, TicketActionRequest request, HttpRequest http, IGrainFactory grains, CityModel city, TimeProvider time)
    {
        var errors = new ValidationErrors();
        var expectedVersion = ExpectedVersion(request.ExpectedVersion, http.Headers.IfMatch, errors);
        var action = TicketActionMapper.Map(kind, request, time.GetUtcNow(), city, errors);
        if (action is null || errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        var result = await grains.GetGrain<ITicketGrain>(id).Execute(action, expectedVersion);
        if (result is { Applied: true, View: { } view })
        {
            SetETag(http.HttpContext.Response, view);
            return TypedResults.Ok(view);
        }

        return Refusal(id, result) switch
        {
            ValidationProblem validation => validation,
            var problem => (ProblemHttpResult)problem,
        };
    }

    /// <summary>404 for no ticket, 409 for a stale version or an action the status does not allow, 400 for an invalid action.</summary>
    private static IResult Refusal(string id, TicketCommandResult result)
    {
        if (result.NotFound)
        {
            return NoSuchTicket(id);
        }

        var current = result.View?.Summary;
        if (result.VersionConflict)
        {
            return ApiProblems.Conflict(
                "The ticket has changed since you read it.",
                $"Ticket {id} is at version {current?.Version}; read it again and decide on what it is now.",
                new Dictionary<string, object?>
                {
                    ["ticketId"] = id,
                    ["currentVersion"] = current?.Version,
                    ["ticketStatus"] = current?.Status.ToString(),
                });
        }

        if (result.Rejection is not { } rejection)
        {
            throw new InvalidOperationException($"Ticket {id}: the grain refused without saying why.");
        }

        var allowed = rejection.AllowedActions.Select(action => action.ToString()).ToArray();
        if (rejection.Reason == TicketRejectionReason.InvalidAction)
        {
            var errors = new ValidationErrors();
            errors.Add(rejection.Attempted.ToString(), rejection.Message);
            return ApiProblems.Validation(errors, rejection.Message);
        }

        return ApiProblems.Conflict(
            "The ticket does not allow this now.",
            rejection.Message,
            new Dictionary<string, object?>
            {
                ["ticketId"] = id,
                ["ticketStatus"] = rejection.Status.ToString(),
                ["attempted"] = rejection.Attempted.ToString(),
                ["reason"] = rejection.Reason.ToString(),
                ["allowedActions"] = allowed,
                ["currentVersion"] = current?.Version,
            });
    }

    /// <summary>The body's expectedVersion or the If-Match header ("3", "\"3\"" or W/"3"); both must agree when both are sent.</summary>
    private static int? ExpectedVersion(int? fromBody, Microsoft.Extensions.Primitives.StringValues ifMatch, ValidationErrors errors)
    {
        if (ifMatch.Count == 0 || string.IsNullOrWhiteSpace(ifMatch.ToString()))
        {
            return fromBody;
        }

        var text = ifMatch.ToString().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (!int.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader) || fromHeader < 1)
        {
            errors.Add("If-Match", $"If-Match must be the ticket's version as its ETag gives it (e.g. \"3\"); got {ifMatch}");
            return fromBody;
        }

        if (fromBody is { } body && body != fromHeader)
        {
            errors.Add("expectedVersion", $"expectedVersion {body} and If-Match {fromHeader} disagree");
        }

        return fromHeader;
    }

    private static void SetETag(HttpResponse response, TicketView view) =>
        response.Headers[HeaderNames.ETag] = $"\"{view.Summary.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static ProblemHttpResult NoSuchTicket(string id) => ApiProblems.NotFound($"There is no ticket {id}.");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
