using System.Reflection;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using LiveGrid.Silo.Health;
using LiveGrid.Silo.Hosting;
using LiveGrid.Silo.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>GET /healthz: is the store answering, how many grains are active, which build is this.</summary>
public static class HealthEndpoints
{
    private static readonly string Version =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthEndpoints).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", GetHealthAsync)
            .WithName("GetHealth")
            .WithTags("Health");
        return endpoints;
    }

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        [FromServices] IGrainStorage storage,
        [FromServices] GrainRuntime runtime,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var storageHealth = await StorageProbe.CheckAsync(storage, cancellationToken);
        var healthy = storageHealth.Healthy && runtime.RemindersLoaded;
        var response = new HealthResponse(
            healthy ? HealthResponse.Healthy : HealthResponse.Unhealthy,
            StorageHealthResponse.From(storageHealth),
            new RuntimeHealthResponse(runtime.ActivationCount, runtime.RemindersLoaded),
            Version);

        if (healthy)
        {
            return TypedResults.Ok(response);
        }

        SiloLog.StorageUnhealthy(loggers.CreateLogger("LiveGrid.Silo.Health"), response.Storage.Provider, response.Storage.LatencyMs, response.Storage.Description);
        // Same body as 200 so a load balancer drops the silo and a person still sees why.
        return TypedResults.Json(response, LiveGridApiJsonContext.Default.HealthResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
