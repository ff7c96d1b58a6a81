namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// A city's territory as a file holds it (JSON or CSV): plain values only, so an import can be read whole and checked
/// with <see cref="TerritoryValidator"/> before anything is built from it. The district → street → community → grid tree,
/// the workers who hold the grids' posts, and the district departments that handle tickets.
/// </summary>
public sealed record TerritoryDocument
{
    /// <summary>The city's name as screens show it (e.g. 北京市).</summary>
    public required string CityName { get; init; }

    public required IReadOnlyList<DistrictDocument> Districts { get; init; }

    public IReadOnlyList<WorkerDocument> Workers { get; init; } = [];

    public IReadOnlyList<DepartmentDocument> Departments { get; init; } = [];
}
