using System.Reflection;
using LiveGrid.Blobs;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Runtime.Storage;
using LiveGrid.Silo.Health;
using LiveGrid.Silo.Hosting;
using LiveGrid.Silo.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Endpoints;

/// <summary>GET /healthz: are the grain store and the blob store answering, how many grains are active, which build is this.</summary>
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
            .WithTags("Health")
            .AllowAnonymous();
        return endpoints;
    }

    public static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealthAsync(
        [FromServices] IGrainStorage storage,
        [FromServices] IBlobStore blobs,
        [FromServices] GrainRuntime runtime,
        [FromServices] ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        // Both probes at once: each has its own timeout, and the answer should take the longer one, not the sum.
        var storageProbe = StorageProbe.CheckAsync(storage, cancellationToken);
        var blobProbe = BlobStoreProbe.CheckAsync(blobs, cancellationToken);
        var storageHealth = await storageProbe;
        var blobHealth = await blobProbe;
        var healthy = storageHealth.Healthy && blobHealth.Healthy && runtime.RemindersLoaded;
        var response = new HealthResponse(
            healthy ? HealthResponse.Healthy : HealthResponse.Unhealthy,
            StorageHealthResponse.From(storageHealth),
            new RuntimeHealthResponse(runtime.ActivationCount, runtime.RemindersLoaded),
            Version,
            BlobStoreHealthResponse.From(blobHealth));

        if (healthy)
        {
            return TypedResults.Ok(response);
        }

        var logger = loggers.CreateLogger("LiveGrid.Silo.Health");
        if (!storageHealth.Healthy || !runtime.RemindersLoaded)
        {
            SiloLog.StorageUnhealthy(logger, response.Storage.Provider, response.Storage.LatencyMs, response.Storage.Description);
        }

        if (!blobHealth.Healthy)
        {
            BlobLog.BlobStoreUnhealthy(logger, response.Blobs!.Provider, response.Blobs.LatencyMs, response.Blobs.Description);
        }

        // Same body as 200 so a load balancer drops the silo and a person still sees why.
        return TypedResults.Json(response, LiveGridApiJsonContext.Default.HealthResponse, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
