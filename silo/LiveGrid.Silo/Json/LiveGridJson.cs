using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Json;

/// <summary>One JSON configuration for the HTTP API and the push hub, so a ticket looks the same on both.</summary>
public static class LiveGridJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Source-generated first: the API's and the hub's own types, then the grains' views and tickets.
        var chain = options.TypeInfoResolverChain;
        var hadResolvers = chain.Count > 0 || options.TypeInfoResolver is not null;
        chain.Insert(0, LiveGridApiJsonContext.Default);
        chain.Insert(1, DomainEventJsonContext.Default);
        chain.Insert(2, TicketJsonContext.Default);
        chain.Insert(3, TerritoryJsonContext.Default);
        chain.Insert(4, LiveJsonContext.Default);
        if (!hadResolvers)
        {
            // SignalR's options start with no resolver (reflection by default): keep that fallback behind the contexts.
            chain.Add(new DefaultJsonTypeInfoResolver());
        }

        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        // Chinese names and descriptions as UTF-8 text, not \uXXXX escapes (HTML-sensitive characters stay escaped).
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
    }
}
