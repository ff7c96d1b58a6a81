using LiveGrid.Grains.City;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Api.Workers;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>Grid workers (网格员): their workload, duty and notification feed.</summary>
public static class WorkerEndpoints
{
    public const int MaxFeedPage = 500;

    public static IEndpointRouteBuilder MapWorkerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var workers = endpoints.MapGroup("/api/workers").WithTags("Workers");
        workers.MapGet("/{id}", GetWorkerAsync).WithName("GetWorker");
        workers.MapPut("/{id}/duty", SetDutyAsync).WithName("SetWorkerDuty");
        workers.MapGet("/{id}/feed", GetFeedAsync).WithName("GetWorkerFeed").WithSummary("Notifications after a sequence number, oldest first");
        return endpoints;
    }

    public static async Task<Results<Ok<WorkerView>, ProblemHttpResult>> GetWorkerAsync(
        string id, [FromServices] IGrainFactory grains, [FromServices] CityModel city) =>
        KnownWorker(id, city) is { } problem
            ? problem
            : TypedResults.Ok(await grains.GetGrain<IWorkerGrain>(id).Get());

    public static async Task<Results<Ok<WorkerView>, ValidationProblem, ProblemHttpResult>> SetDutyAsync(
        string id, DutyRequest request, [FromServices] IGrainFactory grains, [FromServices] CityModel city, [FromServices] TimeProvider time)
    {
        if (KnownWorker(id, city) is { } problem)
        {
            return problem;
        }

        if (request.OnDuty is not { } onDuty)
        {
            return ApiProblems.Validation("onDuty", "onDuty (true or false) is required");
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkerGrain>(id).SetDuty(onDuty, time.GetUtcNow()));
    }

    public static async Task<Results<Ok<IReadOnlyList<WorkerNotification>>, ValidationProblem, ProblemHttpResult>> GetFeedAsync(
        string id, [FromServices] IGrainFactory grains, [FromServices] CityModel city, long? after = null, int? max = null)
    {
        if (KnownWorker(id, city) is { } problem)
        {
            return problem;
        }

        var errors = new ValidationErrors();
        if (after is < 0)
        {
            errors.Add("after", "'after' is a feed sequence number, 0 or more");
        }

        if (max is < 1 or > MaxFeedPage)
        {
            errors.Add("max", $"'max' is 1 to {MaxFeedPage}");
        }

        if (errors.Any)
        {
            return ApiProblems.Validation(errors);
        }

        return TypedResults.Ok(await grains.GetGrain<IWorkerGrain>(id).GetFeed(after ?? 0, max ?? 100));
    }

    // Any key activates a worker grain: only the territory says who is a worker.
    private static ProblemHttpResult? KnownWorker(string id, CityModel city) =>
        city.Territory.FindWorker(id) is null ? ApiProblems.NotFound($"There is no worker {id} in the territory.") : null;
}
