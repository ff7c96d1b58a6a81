using System.Text.Json.Serialization;
using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>分类: category (e.g. "暴露垃圾"), priority and request kind, which pick the SLA rule.</summary>
public sealed record Classify(
    TicketActor Actor,
    DateTimeOffset At,
    string Category,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Priority>))] Priority Priority,
    [property: JsonConverter(typeof(JsonStringEnumConverter<RequestKind>))] RequestKind Kind) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Classify;

    internal override string? AuditDetail(Ticket before) => before.Classification is { } previous
        ? $"{previous.Category}/{previous.Priority}/{previous.Kind} -> {Category.Trim()}/{Priority}/{Kind}"
        : $"{Category.Trim()}/{Priority}/{Kind}";

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(Category, "the category")
        ?? ActionChecks.Defined(Priority, "the priority")
        ?? ActionChecks.Defined(Kind, "the request kind");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) =>
        ticket with { Classification = new TicketClassification(Category.Trim(), Priority, Kind) };
}
