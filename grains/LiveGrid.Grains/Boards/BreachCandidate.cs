using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Boards;

/// <summary>An open ticket on the "breaching next" list: the next deadline to pass.</summary>
public sealed record BreachCandidate(string TicketId, string? GridCode, string? Category, SlaStage Stage, DateTimeOffset Deadline, string Title);
