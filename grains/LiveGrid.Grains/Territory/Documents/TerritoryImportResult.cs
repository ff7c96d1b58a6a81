namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// What an import did. With problems nothing changed (<see cref="Applied"/> is false); otherwise the territory was
/// stored and is live. <see cref="Understaffed"/> lists grids below the staffing rule either way.
/// </summary>
public sealed record TerritoryImportResult
{
    public required bool Applied { get; init; }

    public IReadOnlyList<TerritoryProblem> Problems { get; init; } = [];

    public IReadOnlyList<UnderstaffedGrid> Understaffed { get; init; } = [];

    public int Districts { get; init; }

    public int Streets { get; init; }

    public int Communities { get; init; }

    public int Grids { get; init; }

    public int Workers { get; init; }

    public int Departments { get; init; }
}
