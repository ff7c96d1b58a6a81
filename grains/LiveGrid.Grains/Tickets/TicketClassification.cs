using System.Text.Json.Serialization;
using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// What the ticket is about: the category (configuration, e.g. "暴露垃圾"), priority and request kind, which together
/// pick the SLA rule. The converters are on the properties because the enums belong to the SLA model.
/// </summary>
public sealed record TicketClassification(
    string Category,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Priority>))] Priority Priority,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RequestKind>))] RequestKind Kind);
