namespace LiveGrid.Grains.City;

/// <summary>A grid worker (网格员) as the territory lists them: who, how to reach them, and their home grid.</summary>
public sealed record WorkerProfile(string Id, string Name, string? Phone, string GridCode);
