namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A grid worker (网格员): id, name, phone and home grid.</summary>
public sealed record WorkerDocument
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Phone { get; init; }

    /// <summary>The 15-digit code of the worker's home grid.</summary>
    public required string GridCode { get; init; }
}
