using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Source-generated JSON for tickets (the grain persists them) and actions (the API receives them). Names and enum
/// spellings come from attributes on the types, not from options here, so the bytes are the same whether this context
/// is used directly or as a resolver in the runtime's GrainStateSerializer.
/// </summary>
[JsonSerializable(typeof(Ticket))]
[JsonSerializable(typeof(TicketAction))]
[JsonSerializable(typeof(TicketTransition))]
[JsonSerializable(typeof(TicketRejection))]
public sealed partial class TicketJsonContext : JsonSerializerContext
{
}
