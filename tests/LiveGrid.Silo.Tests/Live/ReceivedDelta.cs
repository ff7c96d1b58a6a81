using System.Text.Json;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>One delta as a client reads it off the wire.</summary>
internal sealed record ReceivedDelta(string Scope, long Sequence, string Type, JsonElement Event)
{
    public static ReceivedDelta From(JsonElement delta)
    {
        var domainEvent = delta.GetProperty("event").Clone();
        return new ReceivedDelta(
            delta.GetProperty("scope").GetString()!,
            delta.GetProperty("sequence").GetInt64(),
            domainEvent.GetProperty("type").GetString()!,
            domainEvent);
    }

    /// <summary>The ticket id of a ticket event, else null.</summary>
    public string? TicketId => Event.TryGetProperty("summary", out var summary) && summary.TryGetProperty("revision", out _)
        ? summary.GetProperty("id").GetString()
        : null;

    public string? TicketStatus => TicketId is null ? null : Event.GetProperty("summary").GetProperty("status").GetString();

    public long? Revision => TicketId is null ? null : Event.GetProperty("summary").GetProperty("revision").GetInt64();
}
