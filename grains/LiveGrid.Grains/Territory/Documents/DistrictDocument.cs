namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A 区 in a territory document: 6-digit code, name, its streets.</summary>
public sealed record DistrictDocument
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<StreetDocument> Streets { get; init; } = [];
}
