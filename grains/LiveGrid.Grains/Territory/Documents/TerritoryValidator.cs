using System.Globalization;
using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// Checks a <see cref="TerritoryDocument"/> before anything is built from it, and says for each problem exactly where
/// it is: bad or misplaced codes, duplicates, missing names, negative attributes, boundaries that are not polygons,
/// posts held by workers who are not listed, workers whose home grid does not exist, and categories routed to
/// departments the document lacks. Reads everything defensively: a JSON file may hold nulls where the types say not.
/// </summary>
public static class TerritoryValidator
{
    /// <summary>Every problem of <paramref name="document"/>, in document order; empty when it can be imported.</summary>
    /// <param name="categories">When given, each category routed to a department ("dept:…") needs that department in the document.</param>
    public static IReadOnlyList<TerritoryProblem> Validate(TerritoryDocument document, IEnumerable<CategoryDefinition>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var check = new Checker();
        check.Document(document, categories);
        return check.Problems;
    }

    private sealed class Checker
    {
        private readonly Dictionary<string, string> codes = new(StringComparer.Ordinal);
        private readonly HashSet<string> gridCodes = new(StringComparer.Ordinal);
        private readonly List<(string Path, string Grid, string Worker)> postHolders = [];
        private readonly List<(string Path, string Grid, Polygon Boundary)> boundaries = [];

        public List<TerritoryProblem> Problems { get; } = [];

        public void Document(TerritoryDocument document, IEnumerable<CategoryDefinition>? categories)
        {
            if (string.IsNullOrWhiteSpace(document.CityName))
            {
                Add("CityName", "the city needs a name");
            }

            var districts = document.Districts ?? [];
            if (districts.Count == 0)
            {
                Add("Districts", "the territory has no district");
            }

            for (var d = 0; d < districts.Count; d++)
            {
                District(districts[d], $"Districts[{d}]");
            }

            var workers = Workers(document.Workers ?? []);
            foreach (var (path, grid, worker) in postHolders)
            {
                if (!workers.Contains(worker))
                {
                    Add(path, $"grid {grid}: worker '{worker}' is not in Workers");
                }
            }

            Departments(document.Departments ?? [], categories);
            Overlaps();
        }

        private void District(DistrictDocument? district, string path)
        {
            if (district is null)
            {
                Add(path, "is empty");
                return;
            }

            var code = Code(district.Code, TerritoryLevel.District, parent: null, path);
            Name(district.Name, path, "district", code);
            var streets = district.Streets ?? [];
            for (var s = 0; s < streets.Count; s++)
            {
                var streetPath = $"{path}.Streets[{s}]";
                if (streets[s] is not { } street)
                {
                    Add(streetPath, "is empty");
                    continue;
                }

                var streetCode = Code(street.Code, TerritoryLevel.Street, code, streetPath);
                Name(street.Name, streetPath, "street", streetCode);
                var communities = street.Communities ?? [];
                for (var c = 0; c < communities.Count; c++)
                {
                    var communityPath = $"{streetPath}.Communities[{c}]";
                    if (communities[c] is not { } community)
                    {
                        Add(communityPath, "is empty");
                        continue;
                    }

                    var communityCode = Code(community.Code, TerritoryLevel.Community, streetCode, communityPath);
                    Name(community.Name, communityPath, "community", communityCode);
                    var grids = community.Grids ?? [];
                    for (var g = 0; g < grids.Count; g++)
                    {
                        Grid(grids[g], communityCode, $"{communityPath}.Grids[{g}]");
                    }
                }
            }
        }

        private void Grid(GridDocument? grid, string? communityCode, string path)
        {
            if (grid is null)
            {
                Add(path, "is empty");
                return;
            }

            var code = Code(grid.Code, TerritoryLevel.Grid, communityCode, path);
            var label = $"grid {code ?? grid.Code ?? "(no code)"}";
            if (code is not null)
            {
                gridCodes.Add(code);
            }

            Name(grid.Name, path, "grid", code);
            if (!Enum.IsDefined(grid.Compound))
            {
                Add($"{path}.Compound", $"{label}: '{grid.Compound}' is not a compound kind; use 自管小区, 物管小区, 单位小区 or 散居民区");
            }

            NotNegative(grid.Households, $"{path}.Households", label, "households");
            NotNegative(grid.ResidentPopulation, $"{path}.ResidentPopulation", label, "resident population");
            NotNegative(grid.FloatingPopulation, $"{path}.FloatingPopulation", label, "floating population");
            if (!double.IsFinite(grid.AreaSquareMeters) || grid.AreaSquareMeters < 0)
            {
                Add($"{path}.AreaSquareMeters", $"{label}: area must be a non-negative number of m²; got {grid.AreaSquareMeters.ToString(CultureInfo.InvariantCulture)}");
            }

            if (Boundary(grid.Boundary, $"{path}.Boundary", label) is { } polygon && code is not null)
            {
                boundaries.Add(($"{path}.Boundary", code, polygon));
            }

            Staff(grid.Staff, $"{path}.Staff", label);
        }

        private Polygon? Boundary(IReadOnlyList<IReadOnlyList<double>>? ring, string path, string label)
        {
            if (ring is null || ring.Count == 0)
            {
                Add(path, $"{label}: the boundary is missing; a polygon needs at least 3 points");
                return null;
            }

            var points = new List<GeoPoint>(ring.Count);
            for (var i = 0; i < ring.Count; i++)
            {
                var pair = ring[i];
                if (pair is null || pair.Count != 2)
                {
                    Add($"{path}[{i}]", $"{label}: a point is [longitude, latitude]; got {pair?.Count ?? 0} numbers");
                    return null;
                }

                var (longitude, latitude) = (pair[0], pair[1]);
                if (!double.IsFinite(longitude) || longitude is < -180 or > 180 || !double.IsFinite(latitude) || latitude is < -90 or > 90)
                {
                    Add($"{path}[{i}]", $"{label}: ({Invariant(longitude)}, {Invariant(latitude)}) is not a WGS84 position; longitude comes first and must be within ±180, latitude within ±90");
                    return null;
                }

                points.Add(new GeoPoint(longitude, latitude));
            }

            if (points.Count > 1 && points[0] == points[^1])
            {
                points.RemoveAt(points.Count - 1);
            }

            var distinct = points.Distinct().Count();
            if (distinct < 3)
            {
                Add(path, $"{label}: the boundary has {distinct} distinct point{(distinct == 1 ? "" : "s")}; a polygon needs at least 3");
                return null;
            }

            return new Polygon(points);
        }

        /// <summary>
        /// Grids drawn over each other (a copied boundary, a grid drawn twice): a grid whose centre lies inside another
        /// grid. Neighbours sharing an edge do not count. Candidates come from a bucket index, so this stays linear.
        /// </summary>
        private void Overlaps()
        {
            if (boundaries.Count < 2)
            {
                return;
            }

            var extent = boundaries.Select(b => b.Boundary.Bounds).Aggregate((all, next) => all.Union(next));
            var side = Math.Max(1, (int)Math.Sqrt(boundaries.Count));
            var (width, height) = (Math.Max(extent.Width, 1e-9) / side, Math.Max(extent.Height, 1e-9) / side);
            (int, int) Bucket(double x, double y) => (
                Math.Clamp((int)((x - extent.MinLongitude) / width), 0, side - 1),
                Math.Clamp((int)((y - extent.MinLatitude) / height), 0, side - 1));
            var buckets = new Dictionary<(int, int), List<int>>();
            for (var i = 0; i < boundaries.Count; i++)
            {
                var box = boundaries[i].Boundary.Bounds;
                var (c0, r0) = Bucket(box.MinLongitude, box.MinLatitude);
                var (c1, r1) = Bucket(box.MaxLongitude, box.MaxLatitude);
                for (var c = c0; c <= c1; c++)
                {
                    for (var r = r0; r <= r1; r++)
                    {
                        (buckets.TryGetValue((c, r), out var list) ? list : buckets[(c, r)] = []).Add(i);
                    }
                }
            }

            for (var i = 0; i < boundaries.Count; i++)
            {
                var (path, code, polygon) = boundaries[i];
                var vertices = polygon.Vertices;
                var centre = new GeoPoint(vertices.Average(v => v.Longitude), vertices.Average(v => v.Latitude));
                if (!polygon.Contains(centre))
                {
                    continue; // a concave ring whose vertex average falls outside it: no cheap interior point
                }

                foreach (var j in buckets[Bucket(centre.Longitude, centre.Latitude)])
                {
                    if (j != i && boundaries[j].Boundary.Contains(centre))
                    {
                        Add(path, $"grid {code} overlaps grid {boundaries[j].Grid}: its centre {centre} lies inside that grid");
                        break;
                    }
                }
            }
        }

        private void Staff(StaffDocument? staff, string path, string label)
        {
            if (staff?.Leader is null)
            {
                Add($"{path}.Leader", $"{label}: the grid has no leader (网格长) post");
            }
            else
            {
                Post(staff.Leader, $"{path}.Leader", label);
            }

            var members = staff?.Members ?? [];
            for (var m = 0; m < members.Count; m++)
            {
                if (members[m] is null)
                {
                    Add($"{path}.Members[{m}]", $"{label}: the post is empty");
                    continue;
                }

                Post(members[m], $"{path}.Members[{m}]", label);
            }
        }

        private void Post(PostDocument post, string path, string label)
        {
            if (string.IsNullOrWhiteSpace(post.Worker))
            {
                Add($"{path}.Worker", $"{label}: the post has no worker (A岗)");
            }
            else
            {
                postHolders.Add(($"{path}.Worker", label[5..], post.Worker.Trim()));
            }

            if (post.Backup is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(post.Backup))
            {
                Add($"{path}.Backup", $"{label}: the backup (B岗) is blank; leave it out when the post has none");
            }
            else if (string.Equals(post.Backup.Trim(), post.Worker?.Trim(), StringComparison.Ordinal))
            {
                Add($"{path}.Backup", $"{label}: worker '{post.Backup.Trim()}' is both A and B of the post; the backup must be another worker");
            }
            else
            {
                postHolders.Add(($"{path}.Backup", label[5..], post.Backup.Trim()));
            }
        }

        private HashSet<string> Workers(IReadOnlyList<WorkerDocument?> workers)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < workers.Count; i++)
            {
                var path = $"Workers[{i}]";
                if (workers[i] is not { } worker)
                {
                    Add(path, "is empty");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(worker.Id))
                {
                    Add($"{path}.Id", "the worker has no id");
                }
                else if (!ids.TryAdd(worker.Id.Trim(), i))
                {
                    Add($"{path}.Id", $"worker '{worker.Id.Trim()}' is listed twice (also Workers[{ids[worker.Id.Trim()]}])");
                }

                var who = $"worker '{worker.Id?.Trim()}'";
                if (string.IsNullOrWhiteSpace(worker.Name))
                {
                    Add($"{path}.Name", $"{who} has no name");
                }

                if (worker.Phone is { } phone && !IsPhone(phone))
                {
                    Add($"{path}.Phone", $"{who}: '{phone}' is not a phone number (digits, optionally with +, - and spaces)");
                }

                if (!GridCode.TryParse(worker.GridCode?.Trim(), out var home, out var error))
                {
                    Add($"{path}.GridCode", $"{who}: {error}");
                }
                else if (!gridCodes.Contains(home.Value))
                {
                    Add($"{path}.GridCode", $"{who}: home grid {home} is not in the territory");
                }
            }

            return [.. ids.Keys];
        }

        private void Departments(IReadOnlyList<DepartmentDocument?> departments, IEnumerable<CategoryDefinition>? categories)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < departments.Count; i++)
            {
                var path = $"Departments[{i}]";
                if (departments[i] is not { } department)
                {
                    Add(path, "is empty");
                    continue;
                }

                var id = department.Id?.Trim();
                if (string.IsNullOrEmpty(id) || !id.StartsWith("dept:", StringComparison.Ordinal) || id.Length == 5)
                {
                    Add($"{path}.Id", $"department id '{id}' must be \"dept:\" followed by a short name, e.g. dept:cgzf");
                }
                else if (!ids.Add(id))
                {
                    Add($"{path}.Id", $"department {id} is listed twice");
                }

                if (string.IsNullOrWhiteSpace(department.Name))
                {
                    Add($"{path}.Name", $"department {id} has no name");
                }
            }

            foreach (var category in categories ?? [])
            {
                var routeTo = category.RouteTo.Trim();
                if (routeTo.StartsWith("dept:", StringComparison.Ordinal) && !ids.Contains(routeTo))
                {
                    Add("Departments", $"category {category.Code} is routed to {routeTo}, which is not among the departments");
                }
            }
        }

        /// <summary>Parses and places a code; returns its digits when valid (even if misplaced), else null.</summary>
        private string? Code(string? text, TerritoryLevel level, string? parent, string path)
        {
            var trimmed = text?.Trim();
            if (!TerritoryCode.TryParse(trimmed, out var code, out var error))
            {
                Add($"{path}.Code", error);
                return null;
            }

            var noun = level.ToString().ToLowerInvariant();
            if (code.Level != level)
            {
                Add($"{path}.Code", $"'{trimmed}' is a {code.Level.ToString().ToLowerInvariant()} code; a {noun} code has {TerritoryCode.Length(level)} digits");
                return null;
            }

            if (parent is not null && !code.Value.StartsWith(parent, StringComparison.Ordinal))
            {
                Add($"{path}.Code", $"{noun} {code} is not under {code.Parent!.Level.ToString().ToLowerInvariant()} {parent}: its first {parent.Length} digits must be {parent}");
            }

            if (!codes.TryAdd(code.Value, path))
            {
                Add($"{path}.Code", $"{noun} {code} appears twice (also at {codes[code.Value]})");
            }

            return code.Value;
        }

        private void Name(string? name, string path, string noun, string? code)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                Add($"{path}.Name", $"{noun} {code ?? "(no code)"} has no name");
            }
        }

        private void NotNegative(int value, string path, string label, string what)
        {
            if (value < 0)
            {
                Add(path, $"{label}: {what} cannot be negative; got {value}");
            }
        }

        private void Add(string path, string message) => Problems.Add(new TerritoryProblem(path, message));

        private static bool IsPhone(string phone)
        {
            var trimmed = phone.Trim();
            return trimmed.Length is >= 3 and <= 20
                && trimmed.Count(char.IsAsciiDigit) >= 3
                && trimmed.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ');
        }

        private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
