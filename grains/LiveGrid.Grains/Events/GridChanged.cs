using LiveGrid.Grains.Boards;

namespace LiveGrid.Grains.Events;

/// <summary>A grid's board changed; <see cref="Report"/> is the whole board in brief.</summary>
public sealed record GridChanged(AreaChild Report) : DomainEvent;
