using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.City;

/// <summary>
/// The city's territory as one immutable value: the district → street → community → grid tree, its workers and its
/// departments, with the indexes routing needs. Replaced whole when a new territory is imported.
/// </summary>
public sealed class CityTerritory
{
    private readonly Dictionary<string, WorkerProfile> _workers;
    private readonly Dictionary<string, ResponsibleUnit> _departments;

    public CityTerritory(string cityName, IEnumerable<TerritoryNode> nodes, IEnumerable<WorkerProfile> workers, IEnumerable<ResponsibleUnit> departments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cityName);
        CityName = cityName.Trim();
        Index = new TerritoryIndex(nodes);
        Locator = new GridLocator(Index.Grids);
        _workers = new Dictionary<string, WorkerProfile>(StringComparer.Ordinal);
        foreach (var worker in workers)
        {
            if (!_workers.TryAdd(worker.Id, worker))
            {
                throw new ArgumentException($"Worker {worker.Id} is listed twice.", nameof(workers));
            }
        }

        _departments = new Dictionary<string, ResponsibleUnit>(StringComparer.Ordinal);
        foreach (var unit in departments)
        {
            if (unit.Kind != UnitKind.Department || !_departments.TryAdd(unit.Id, unit))
            {
                throw new ArgumentException($"Department {unit.Id} is listed twice or is not a department.", nameof(departments));
            }
        }
    }

    public static CityTerritory Empty { get; } = new("LiveGrid", [], [], DefaultCategories.Departments);

    public string CityName { get; }

    public TerritoryIndex Index { get; }

    public GridLocator Locator { get; }

    public IReadOnlyCollection<WorkerProfile> Workers => _workers.Values;

    public IReadOnlyCollection<ResponsibleUnit> Departments => _departments.Values;

    public WorkerProfile? FindWorker(string workerId) => _workers.GetValueOrDefault(workerId);

    public Grid? FindGrid(string gridCode) =>
        GridCode.TryParse(gridCode, out var code) ? Index.Find(code) : null;

    /// <summary>A unit by id: a department, or a territorial unit ("grid:…", "community:…", "street:…") of this territory.</summary>
    public ResponsibleUnit? FindUnit(string unitId)
    {
        if (_departments.TryGetValue(unitId, out var department))
        {
            return department;
        }

        var colon = unitId.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !TerritoryCode.TryParse(unitId[(colon + 1)..], out var code) || Index.Find(code) is not { } node)
        {
            return null;
        }

        UnitKind? kind = (unitId[..colon], node.Level) switch
        {
            ("grid", TerritoryLevel.Grid) => UnitKind.Grid,
            ("community", TerritoryLevel.Community) => UnitKind.Community,
            ("street", TerritoryLevel.Street) => UnitKind.Street,
            _ => null,
        };
        return kind is { } k ? new ResponsibleUnit(unitId, node.Name, k, node.Code.Value) : null;
    }
}
