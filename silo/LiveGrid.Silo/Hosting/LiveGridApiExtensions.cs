using LiveGrid.Silo.Json;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Routing;

namespace LiveGrid.Silo.Hosting;

/// <summary>The HTTP API's services: problem details, JSON, the OpenAPI document.</summary>
public static class LiveGridApiExtensions
{
    public static WebApplicationBuilder AddLiveGridApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        // Binding failures throw, so BadRequestExceptionHandler can say what was wrong instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        builder.Services.ConfigureHttpJsonOptions(options => LiveGridJson.Configure(options.SerializerOptions));

        builder.Services.AddOpenApi();
        return builder;
    }
}
