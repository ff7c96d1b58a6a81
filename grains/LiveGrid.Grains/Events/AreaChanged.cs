using LiveGrid.Grains.Boards;

namespace LiveGrid.Grains.Events;

/// <summary>A street's, district's or the city's board changed (city: code "city").</summary>
public sealed record AreaChanged(AreaChild Report) : DomainEvent;
