using LiveGrid.Grains.Events;

namespace LiveGrid.Silo.Live;

/// <summary>One domain event as a scope's subscribers see it: <see cref="Sequence"/> grows by exactly 1 per delta of <see cref="Scope"/>.</summary>
public sealed record Delta(string Scope, long Sequence, DomainEvent Event);
