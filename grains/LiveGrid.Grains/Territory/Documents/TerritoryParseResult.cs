namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A territory file read: the document when it could be read at all, and every problem found.</summary>
public sealed record TerritoryParseResult(TerritoryDocument? Document, IReadOnlyList<TerritoryProblem> Problems)
{
    public bool IsValid => Document is not null && Problems.Count == 0;
}
