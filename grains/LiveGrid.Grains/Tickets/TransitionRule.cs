namespace LiveGrid.Grains.Tickets;

/// <summary>One row of the lifecycle table: in <see cref="From"/>, <see cref="Action"/> leads to <see cref="Target"/> if <see cref="Guard"/> holds.</summary>
public sealed record TransitionRule(TicketStatus From, TicketActionKind Action, TransitionTarget Target, TransitionGuard? Guard = null);
