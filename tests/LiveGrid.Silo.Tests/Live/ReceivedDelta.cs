using System.Text.Json;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>
/// One delta as a client reads it off the wire: an event delta (ticket, worker and grid scopes; <see cref="Type"/> is
/// the event's) or a board frame (city and area scopes; <see cref="Type"/> is "frame", the rest in <see cref="Frame"/>).
/// </summary>
internal sealed record ReceivedDelta(string Scope, long Sequence, string Type, JsonElement Event, JsonElement Frame)
{
    public const string BoardFrame = "frame";

    public static ReceivedDelta From(JsonElement delta)
    {
        var scope = delta.GetProperty("scope").GetString()!;
        var sequence = delta.GetProperty("sequence").GetInt64();
        if (!delta.TryGetProperty("event", out var domainEvent))
        {
            return new ReceivedDelta(scope, sequence, BoardFrame, default, delta.Clone());
        }

        domainEvent = domainEvent.Clone();
        return new ReceivedDelta(scope, sequence, domainEvent.GetProperty("type").GetString()!, domainEvent, default);
    }

    /// <summary>The ticket id of a ticket event, else null.</summary>
    public string? TicketId => Type != BoardFrame && Event.TryGetProperty("summary", out var summary) && summary.TryGetProperty("revision", out _)
        ? summary.GetProperty("id").GetString()
        : null;

    public string? TicketStatus => TicketId is null ? null : Event.GetProperty("summary").GetProperty("status").GetString();

    public long? Revision => TicketId is null ? null : Event.GetProperty("summary").GetProperty("revision").GetInt64();

    /// <summary>A board frame's slim tickets (none for an event delta).</summary>
    public IReadOnlyList<JsonElement> Tickets => Type == BoardFrame && Frame.TryGetProperty("tickets", out var tickets)
        ? [.. tickets.EnumerateArray()]
        : [];

    /// <summary>A board frame's list of the named kind ("grids", "areas", "breaching"), empty when it has none.</summary>
    public IReadOnlyList<JsonElement> List(string name) => Type == BoardFrame && Frame.TryGetProperty(name, out var list)
        ? [.. list.EnumerateArray()]
        : [];

    public JsonElement? Board => Type == BoardFrame && Frame.TryGetProperty("board", out var board) ? board : null;

    /// <summary>A board frame's slim ticket of that id, if it carries one.</summary>
    public JsonElement? Ticket(string id) => Tickets.Where(t => t.GetProperty("id").GetString() == id).Select(t => (JsonElement?)t).FirstOrDefault();
}
