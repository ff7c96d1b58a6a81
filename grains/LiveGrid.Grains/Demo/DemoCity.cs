using System.Globalization;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Territory.Documents;

namespace LiveGrid.Grains.Demo;

/// <summary>
/// A made-up but plausible city for demos and load tests: district 110101 (东城区) with 6 streets, 40 communities and
/// 400 grids tiling about 6 × 6 km around 116.40E 39.91N, about 500 workers, and for each grid the hutongs or compounds
/// tickets get their addresses from. The same seed gives the same city, byte for byte.
/// </summary>
public sealed class DemoCity
{
    public const int GridColumns = 20;
    public const int GridRows = 20;
    public const double West = 116.365;
    public const double North = 39.937;
    public const double CellWidth = 0.0035;   // ≈ 300 m at this latitude
    public const double CellHeight = 0.0027;  // ≈ 300 m

    /// <summary>How many grids are deliberately staffed below one worker per 100 households.</summary>
    public const int UnderstaffedGrids = 12;

    private readonly Dictionary<string, GridPlaces> places;
    private readonly Dictionary<string, Polygon> boundaries;

    private DemoCity(TerritoryDocument document, Dictionary<string, GridPlaces> places)
    {
        Document = document;
        this.places = places;
        boundaries = document.Districts.SelectMany(d => d.Streets).SelectMany(s => s.Communities).SelectMany(c => c.Grids)
            .ToDictionary(g => g.Code, g => new Polygon(g.Boundary.Select(p => new GeoPoint(p[0], p[1]))), StringComparer.Ordinal);
        GridCodes = [.. boundaries.Keys.Order(StringComparer.Ordinal)];
    }

    public TerritoryDocument Document { get; }

    /// <summary>All grid codes in code order.</summary>
    public IReadOnlyList<string> GridCodes { get; }

    public static DemoCity Generate(int seed = 20261206)
    {
        var random = new Random(seed);
        var corners = Corners(random);
        var places = new Dictionary<string, GridPlaces>(StringComparer.Ordinal);
        var workers = new List<WorkerDocument>();
        var usedNames = new HashSet<string>(StringComparer.Ordinal);
        var usedPhones = new HashSet<string>(StringComparer.Ordinal);

        // 40 communities as blocks of 5 × 2 cells, 4 across and 10 down; streets take consecutive communities.
        var communityIndex = 0;
        var allGrids = new List<(GridDocument Grid, int Index)>();
        var streets = new List<StreetDocument>();
        for (var s = 0; s < DemoNames.Streets.Length; s++)
        {
            var (streetName, communityNames) = DemoNames.Streets[s];
            var streetCode = DemoNames.DistrictCode + (s + 1).ToString("000", CultureInfo.InvariantCulture);
            var communities = new List<CommunityDocument>();
            for (var c = 0; c < communityNames.Length; c++, communityIndex++)
            {
                var communityCode = streetCode + (c + 1).ToString("000", CultureInfo.InvariantCulture);
                var (blockColumn, blockRow) = (communityIndex % 4, communityIndex / 4);
                var grids = new List<GridDocument>();
                for (var n = 0; n < 10; n++)
                {
                    var (column, row) = ((blockColumn * 5) + (n % 5), (blockRow * 2) + (n / 5));
                    var code = communityCode + (n + 1).ToString("000", CultureInfo.InvariantCulture);
                    var ring = new[] { corners[column, row], corners[column + 1, row], corners[column + 1, row + 1], corners[column, row + 1] };
                    var compound = PickCompound(random);
                    var grid = new GridDocument
                    {
                        Code = code,
                        Name = $"{communityNames[c]}社区第{DemoNames.Numerals[n]}网格",
                        Compound = compound,
                        Boundary = [.. ring.Select(p => (IReadOnlyList<double>)[p.Longitude, p.Latitude])],
                        AreaSquareMeters = Math.Round(AreaSquareMeters(ring)),
                        Staff = new StaffDocument { Leader = new PostDocument { Worker = "pending" } },
                    };
                    allGrids.Add((grid, allGrids.Count));
                    grids.Add(grid);
                    places[code] = Places(random, compound);
                }

                communities.Add(new CommunityDocument { Code = communityCode, Name = $"{communityNames[c]}社区", Grids = grids });
            }

            streets.Add(new StreetDocument { Code = streetCode, Name = streetName, Communities = communities });
        }

        // Staffing: 100 grids have a member besides the leader (≈ 500 workers); 12 one-worker grids get more households
        // than one worker may serve (每100户居民配备1名工作人员), the rest are within the rule.
        var order = Enumerable.Range(0, allGrids.Count).OrderBy(_ => random.Next()).ToArray();
        var twoWorkers = order.Take(100).ToHashSet();
        var understaffed = order.Skip(100).Take(UnderstaffedGrids).ToHashSet();
        var staffed = new Dictionary<string, GridDocument>(StringComparer.Ordinal);
        var leaders = new string[allGrids.Count];
        var members = new string?[allGrids.Count];
        foreach (var (grid, index) in allGrids)
        {
            leaders[index] = NewWorker(random, workers, usedNames, usedPhones, grid.Code);
            if (twoWorkers.Contains(index))
            {
                members[index] = NewWorker(random, workers, usedNames, usedPhones, grid.Code);
            }
        }

        foreach (var (grid, index) in allGrids)
        {
            var households = twoWorkers.Contains(index) ? random.Next(110, 201)
                : understaffed.Contains(index) ? random.Next(140, 281)
                : random.Next(55, 101);
            var residents = (int)Math.Round(households * (2.3 + (random.NextDouble() * 0.7)));
            var floating = (int)Math.Round(residents * (0.1 + (random.NextDouble() * 0.25)));

            // AB岗: the leader is backed by the grid's member, or else by the next grid's leader in the same community.
            var neighbour = (index / 10 * 10) + ((index + 1) % 10);
            var leader = new PostDocument { Worker = leaders[index], Backup = members[index] ?? leaders[neighbour] };
            IReadOnlyList<PostDocument> memberPosts = members[index] is { } member ? [new PostDocument { Worker = member, Backup = leaders[index] }] : [];
            staffed[grid.Code] = grid with
            {
                Households = households,
                ResidentPopulation = residents,
                FloatingPopulation = floating,
                Staff = new StaffDocument { Leader = leader, Members = memberPosts },
            };
        }

        var document = new TerritoryDocument
        {
            CityName = DemoNames.CityName,
            Districts =
            [
                new DistrictDocument
                {
                    Code = DemoNames.DistrictCode,
                    Name = DemoNames.DistrictName,
                    Streets = [.. streets.Select(street => street with
                    {
                        Communities = [.. street.Communities.Select(community => community with
                        {
                            Grids = [.. community.Grids.Select(grid => staffed[grid.Code])],
                        })],
                    })],
                },
            ],
            Workers = workers,
            Departments = [.. DefaultCategories.Departments.Select(unit => new DepartmentDocument { Id = unit.Id, Name = unit.Name })],
        };
        return new DemoCity(document, places);
    }

    /// <summary>A street address in the grid: a hutong house number, or a building and entrance of a compound.</summary>
    public string Address(string gridCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var grid = places[gridCode];
        if (grid.Compound is { } compound && random.Next(4) != 0)
        {
            return $"{DemoNames.DistrictName}{compound}{random.Next(1, 16)}号楼{random.Next(1, 5)}单元";
        }

        return random.Next(5) == 0
            ? $"{DemoNames.DistrictName}{grid.Avenue}{random.Next(1, 220)}号"
            : $"{DemoNames.DistrictName}{grid.Hutong}胡同{random.Next(1, 90)}号";
    }

    /// <summary>A point inside the grid, away from its edges (so it locates to this grid and no neighbour).</summary>
    public GeoPoint PointIn(string gridCode, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var boundary = boundaries[gridCode];
        var box = boundary.Bounds;
        while (true)
        {
            var point = new GeoPoint(
                box.MinLongitude + (box.Width * (0.15 + (0.7 * random.NextDouble()))),
                box.MinLatitude + (box.Height * (0.15 + (0.7 * random.NextDouble()))));
            if (boundary.Contains(point))
            {
                return point;
            }
        }
    }

    /// <summary>The lattice corners, interior ones jittered (shared by the 4 cells meeting there, so the cells still tile).</summary>
    private static GeoPoint[,] Corners(Random random)
    {
        var corners = new GeoPoint[GridColumns + 1, GridRows + 1];
        for (var row = 0; row <= GridRows; row++)
        {
            for (var column = 0; column <= GridColumns; column++)
            {
                var interior = column > 0 && column < GridColumns && row > 0 && row < GridRows;
                var dx = interior ? (random.NextDouble() - 0.5) * 0.4 * CellWidth : 0;
                var dy = interior ? (random.NextDouble() - 0.5) * 0.4 * CellHeight : 0;
                corners[column, row] = new GeoPoint(
                    Math.Round(West + (column * CellWidth) + dx, 6),
                    Math.Round(North - (row * CellHeight) + dy, 6));
            }
        }

        return corners;
    }

    private static CompoundKind PickCompound(Random random) => random.Next(100) switch
    {
        < 35 => CompoundKind.Scattered,
        < 55 => CompoundKind.SelfManaged,
        < 85 => CompoundKind.PropertyManaged,
        _ => CompoundKind.WorkUnit,
    };

    private static GridPlaces Places(Random random, CompoundKind compound) => new(
        DemoNames.Hutongs[random.Next(DemoNames.Hutongs.Length)],
        DemoNames.Avenues[random.Next(DemoNames.Avenues.Length)],
        compound == CompoundKind.Scattered
            ? null
            : DemoNames.Compounds[random.Next(DemoNames.Compounds.Length)] + DemoNames.CompoundSuffixes[random.Next(DemoNames.CompoundSuffixes.Length)]);

    private static string NewWorker(Random random, List<WorkerDocument> workers, HashSet<string> names, HashSet<string> phones, string gridCode)
    {
        string name;
        do
        {
            var given = DemoNames.GivenNameCharacters[random.Next(DemoNames.GivenNameCharacters.Length)];
            if (random.Next(3) != 0)
            {
                given += DemoNames.GivenNameCharacters[random.Next(DemoNames.GivenNameCharacters.Length)];
            }

            name = DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)] + given;
        }
        while (!names.Add(name));

        string phone;
        do
        {
            phone = DemoNames.PhonePrefixes[random.Next(DemoNames.PhonePrefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
        }
        while (!phones.Add(phone));

        var id = $"w{workers.Count + 1:0000}";
        workers.Add(new WorkerDocument { Id = id, Name = name, Phone = phone, GridCode = gridCode });
        return id;
    }

    /// <summary>Shoelace area of a small ring, degrees scaled to metres at the ring's latitude.</summary>
    private static double AreaSquareMeters(IReadOnlyList<GeoPoint> ring)
    {
        const double metresPerDegreeLatitude = 110_574;
        var metresPerDegreeLongitude = 111_320 * Math.Cos(ring[0].Latitude * Math.PI / 180);
        var sum = 0.0;
        for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
        {
            sum += (ring[j].Longitude * ring[i].Latitude) - (ring[i].Longitude * ring[j].Latitude);
        }

        return Math.Abs(sum / 2) * metresPerDegreeLatitude * metresPerDegreeLongitude;
    }

    private sealed record GridPlaces(string Hutong, string Avenue, string? Compound);
}
