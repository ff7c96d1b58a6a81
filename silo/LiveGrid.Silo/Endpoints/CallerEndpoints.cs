using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Api.Tickets;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>
/// The caller's privacy (domain §8): every view shows the caller masked; seeing the name and phone is this explicit,
/// audited action, for the roles that call citizens back (<see cref="RevealRoles"/>). The audit entry names the
/// signed-in user as who saw it; the body's actor only adds the role and display name the trail shows.
/// </summary>
public static class CallerEndpoints
{
    /// <summary>Long enough for any honest reason; the audit trail is not a place for documents.</summary>
    public const int MaxReasonLength = 500;

    public const string RevealEndpointName = "RevealCaller";

    /// <summary>Who may see a caller unmasked (domain §8): the operators who call back, and the administrator.</summary>
    public static readonly string[] RevealRoles = [LiveGridRoles.Operator, LiveGridRoles.Administrator];

    public static IEndpointRouteBuilder MapCallerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/tickets/{id}/caller/reveal", RevealAsync)
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(LiveGridAuthSchemes.Select).RequireRole(RevealRoles))
            .WithTags("Tickets")
            .WithName(RevealEndpointName)
            .WithSummary("查看来电人: the caller's name and phone unmasked, recorded in the audit trail");
        return endpoints;
    }

    public static async Task<Results<Ok<CallerRevealResponse>, ValidationProblem, ProblemHttpResult>> RevealAsync(
        string id, CallerRevealRequest request, HttpContext http, [FromServices] IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        errors.Required(request.Reason, "reason", "the reason for seeing the caller");
        if (request.Reason is { Length: > MaxReasonLength })
        {
            errors.Add("reason", $"the reason is at most {MaxReasonLength} characters");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        // The trail records who really read it: the signed-in account, whatever id the body claims.
        var who = LiveGridUser.From(http.User) is { Name.Length: > 0 } user ? actor! with { Id = user.Name } : actor!;
        var result = await grains.GetGrain<ITicketGrain>(id).RevealCaller(who, request.Reason!.Trim());
        if (result is not { Caller: { } caller, Entry: { } entry })
        {
            return ApiProblems.NotFound($"There is no ticket {id}.");
        }

        return TypedResults.Ok(new CallerRevealResponse(id, caller.Name, caller.Phone, entry));
    }
}
