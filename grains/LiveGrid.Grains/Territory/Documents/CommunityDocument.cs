namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A 社区/村 in a territory document: 12-digit code (the street's 9 plus 3), name, its grids.</summary>
public sealed record CommunityDocument
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<GridDocument> Grids { get; init; } = [];
}
