using System.Text.Encodings.Web;
using System.Text.Unicode;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tickets;
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

        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            // Source-generated first: the API's own types, then the grains' views and tickets.
            var chain = options.SerializerOptions.TypeInfoResolverChain;
            chain.Insert(0, LiveGridApiJsonContext.Default);
            chain.Insert(1, DomainEventJsonContext.Default);
            chain.Insert(2, TicketJsonContext.Default);
            chain.Insert(3, TerritoryJsonContext.Default);
            // Chinese names and descriptions as UTF-8 text, not \uXXXX escapes (HTML-sensitive characters stay escaped).
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });

        builder.Services.AddOpenApi();
        return builder;
    }
}
