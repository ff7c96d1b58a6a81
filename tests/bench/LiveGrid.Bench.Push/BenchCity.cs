using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Bench.Push;

/// <summary>A small city for the benchmark: one district, one street, four communities of four grids, three workers per grid.</summary>
internal static class BenchCity
{
    public const double West = 116.40;
    public const double South = 39.91;
    public const double Size = 0.01;

    public static IReadOnlyList<string> GridCodes { get; } =
        [.. Enumerable.Range(1, 4).SelectMany(c => Enumerable.Range(1, 4).Select(g => $"110101001{c:000}{g:000}"))];

    public static CityTerritory Territory()
    {
        var nodes = new List<TerritoryNode>
        {
            new District(DistrictCode.Parse("110101"), "东城区"),
            new Street(StreetCode.Parse("110101001"), "东华门街道"),
        };
        for (var c = 1; c <= 4; c++)
        {
            nodes.Add(new Community(CommunityCode.Parse($"110101001{c:000}"), $"第{c}社区"));
        }

        var workers = new List<WorkerProfile>();
        for (var n = 0; n < GridCodes.Count; n++)
        {
            var code = GridCodes[n];
            var west = West + (Size * n);
            var square = new Polygon([new(west, South), new(west + Size, South), new(west + Size, South + Size), new(west, South + Size)]);
            var staff = new GridStaff(new StaffPost($"w{n}a", $"w{n}b"), [new StaffPost($"w{n}c", $"w{n}a")]);
            nodes.Add(new Grid(GridCode.Parse(code), $"第{n + 1}网格", CompoundKind.PropertyManaged, 180, 520, 60, 1_000_000, square, staff));
            workers.Add(new WorkerProfile($"w{n}a", $"张{n}", null, code));
            workers.Add(new WorkerProfile($"w{n}b", $"李{n}", null, code));
            workers.Add(new WorkerProfile($"w{n}c", $"王{n}", null, code));
        }

        return new CityTerritory("基准市", nodes, workers, DefaultCategories.Departments);
    }
}
