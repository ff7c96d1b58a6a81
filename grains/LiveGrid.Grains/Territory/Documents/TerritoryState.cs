namespace LiveGrid.Grains.Territory.Documents;

/// <summary>What the territory grain stores: the live document and when it was imported.</summary>
public sealed record TerritoryState
{
    public TerritoryDocument? Document { get; init; }

    public DateTimeOffset? ReplacedAt { get; init; }
}
