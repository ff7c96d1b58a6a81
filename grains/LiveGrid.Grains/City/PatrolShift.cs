namespace LiveGrid.Grains.City;

/// <summary>A patrol window in local time (错时工作制: grids are spread over staggered shifts).</summary>
public sealed record PatrolShift(string Name, TimeOnly Start, TimeOnly End);
