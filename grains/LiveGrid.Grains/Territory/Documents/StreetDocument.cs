namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A 街道/镇 in a territory document: 9-digit code (the district's 6 plus 3), name, its communities.</summary>
public sealed record StreetDocument
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<CommunityDocument> Communities { get; init; } = [];
}
