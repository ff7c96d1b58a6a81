using LiveGrid.Grains.Events;

namespace LiveGrid.Silo.Live;

/// <summary>
/// One domain event as a ticket, worker or grid scope's subscribers see it: <see cref="Sequence"/> grows by exactly 1 per
/// delta of <see cref="Scope"/>. (City and area scopes send <see cref="BoardDelta"/> frames instead.)
/// </summary>
public sealed record Delta(string Scope, long Sequence, DomainEvent Event);
