using LiveGrid.Grains.City;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Api.Inspections;
using LiveGrid.Silo.Api.Tickets;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>Inspections (巡查): patrols and verifications, and scheduling a verification (核查) of a resolved ticket.</summary>
public static class InspectionEndpoints
{
    public const int DefaultVerificationHours = 24;

    public static IEndpointRouteBuilder MapInspectionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var inspections = endpoints.MapGroup("/api/inspections").WithTags("Inspections").AddEndpointFilter<ActorBindingFilter>();
        inspections.MapGet("/{id}", GetInspectionAsync).WithName("GetInspection");
        inspections.MapPost("/{id}/check-in", CheckInAsync).WithName("InspectionCheckIn");
        inspections.MapPost("/{id}/checkpoint", PassCheckpointAsync).WithName("InspectionCheckpoint");
        inspections.MapPost("/{id}/finding", ReportFindingAsync).WithName("InspectionFinding");
        inspections.MapPost("/{id}/complete", CompleteAsync).WithName("InspectionComplete");

        endpoints.MapPost("/api/tickets/{id}/verification", ScheduleVerificationAsync)
            .WithName("ScheduleTicketVerification")
            .WithTags("Inspections")
            .WithSummary("核查: schedule a verification patrol of a resolved ticket");
        return endpoints;
    }

    public static async Task<Results<Ok<InspectionView>, ProblemHttpResult>> GetInspectionAsync(string id, [FromServices] IGrainFactory grains) =>
        await grains.GetGrain<IInspectionGrain>(id).Get() is { } view
            ? TypedResults.Ok(view)
            : NoSuchInspection(id);

    public static async Task<Results<Ok<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        string id, CheckInRequest request, [FromServices] IGrainFactory grains, [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        if (request.Longitude is null != request.Latitude is null)
        {
            errors.Add("longitude", "longitude and latitude go together");
        }

        return errors.Any
            ? ApiProblems.Validation(errors)
            : Answer(id, await grains.GetGrain<IInspectionGrain>(id).CheckIn(actor!, time.GetUtcNow(), request.Longitude, request.Latitude));
    }

    public static async Task<Results<Ok<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult>> PassCheckpointAsync(
        string id, CheckpointRequest request, [FromServices] IGrainFactory grains, [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        errors.Required(request.Checkpoint, "checkpoint");
        return errors.Any
            ? ApiProblems.Validation(errors)
            : Answer(id, await grains.GetGrain<IInspectionGrain>(id).PassCheckpoint(actor!, time.GetUtcNow(), request.Checkpoint!.Trim(), request.Note));
    }

    public static async Task<Results<Ok<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult>> ReportFindingAsync(
        string id, FindingRequest request, [FromServices] IGrainFactory grains, [FromServices] CityModel city, [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        errors.Required(request.Category, "category");
        TicketActionMapper.CheckCategory(request.Category, city, errors);
        errors.Required(request.Description, "description");
        if (request.ResolvedOnSpot)
        {
            errors.Required(request.Resolution, "resolution", "what was done on the spot (resolution)");
        }

        if (request.Longitude is null != request.Latitude is null)
        {
            errors.Add("longitude", "longitude and latitude go together");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        var finding = new PatrolFinding
        {
            Category = request.Category!.Trim(),
            Description = request.Description!.Trim(),
            Priority = request.Priority ?? Priority.Normal,
            Kind = request.Kind ?? RequestKind.Report,
            Longitude = request.Longitude,
            Latitude = request.Latitude,
            Address = request.Address,
            ResolvedOnSpot = request.ResolvedOnSpot,
            Resolution = request.Resolution?.Trim(),
        };
        return Answer(id, await grains.GetGrain<IInspectionGrain>(id).ReportFinding(actor!, time.GetUtcNow(), finding));
    }

    public static async Task<Results<Ok<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        string id, CompleteRequest request, [FromServices] IGrainFactory grains, [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        var actor = ActorRequest.Validate(request.Actor, errors);
        return errors.Any
            ? ApiProblems.Validation(errors)
            : Answer(id, await grains.GetGrain<IInspectionGrain>(id).Complete(actor!, time.GetUtcNow(), request.Note, request.Passed));
    }

    public static async Task<Results<Created<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult>> ScheduleVerificationAsync(
        string id, VerificationRequest request, [FromServices] IGrainFactory grains, [FromServices] CityModel city, [FromServices] TimeProvider time)
    {
        var errors = new ValidationErrors();
        ActorRequest.Validate(request.Actor, errors);
        if (request.WindowHours is < 1 or > 24 * 30)
        {
            errors.Add("windowHours", "the window is 1 to 720 hours");
        }

        if (request.WorkerId is { } worker && city.Territory.FindWorker(worker.Trim()) is null)
        {
            errors.Add("workerId", $"there is no worker {worker} in the territory");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        if (await grains.GetGrain<ITicketGrain>(id).Get() is not { } ticket)
        {
            return ApiProblems.NotFound($"There is no ticket {id}.");
        }

        if (ticket.Summary.GridCode is not { } gridCode || city.Territory.FindGrid(gridCode) is not { } grid)
        {
            return ApiProblems.Validation("ticket", $"ticket {id} has no grid in the territory, so no one can be sent to verify it");
        }

        var now = time.GetUtcNow();
        // One verification per round: rework starts a new round, which gets its own.
        var key = $"verify-{ticket.Ticket.Id}-{ticket.Ticket.ReworkCount + 1}";
        var plan = new InspectionPlan
        {
            Kind = InspectionKind.Verification,
            GridCode = grid.Code.Value,
            WorkerId = request.WorkerId?.Trim() ?? grid.Staff.Leader.PrimaryWorkerId,
            WindowStart = now,
            WindowEnd = now.AddHours(request.WindowHours ?? DefaultVerificationHours),
            TicketId = ticket.Ticket.Id,
        };
        var result = await grains.GetGrain<IInspectionGrain>(key).Schedule(plan);
        return Answer(key, result).Result switch
        {
            Ok<InspectionCommandResponse> ok => TypedResults.Created($"/api/inspections/{Uri.EscapeDataString(key)}", ok.Value),
            ProblemHttpResult problem => problem,
            var other => throw new InvalidOperationException($"unexpected answer {other}"),
        };
    }

    private static Results<Ok<InspectionCommandResponse>, ValidationProblem, ProblemHttpResult> Answer(string id, InspectionResult result)
    {
        if (result is { Applied: true, View: { } view })
        {
            return TypedResults.Ok(new InspectionCommandResponse(view, result.CreatedTicketId));
        }

        if (result.NotFound)
        {
            return NoSuchInspection(id);
        }

        return ApiProblems.Conflict(
            "The inspection does not allow this now.",
            result.Error ?? "refused",
            new Dictionary<string, object?>
            {
                ["inspectionId"] = id,
                ["inspectionStatus"] = result.View?.Summary.Status.ToString(),
                ["allowedCommands"] = result.AllowedCommands.ToArray(),
            });
    }

    private static ProblemHttpResult NoSuchInspection(string id) => ApiProblems.NotFound($"There is no inspection {id}.");
}
