namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// One thing wrong with an imported territory: where (a document path such as
/// "Districts[0].Streets[1].Communities[0].Grids[3].Staff.Leader.Worker", or a CSV file and line) and what.
/// </summary>
public sealed record TerritoryProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
