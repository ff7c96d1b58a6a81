using System.Globalization;
using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// Territory documents as CSV, the form grid offices keep them in (Excel). grids.csv has one row per grid: the
/// district, street and community codes and names of its path, then its own code, name, attributes, posts and boundary.
/// Headers are Chinese as exported; the English property names are accepted too, in any column order.
/// </summary>
/// <remarks>
/// Posts: the leader's worker and backup in two columns; members in one, as "A/B; C" (posts separated by ';', a post's
/// backup after '/'). Boundary: "lon lat; lon lat; …". Excel shows 15-digit codes in scientific notation unless the
/// column is formatted as text; the codes are still exact in the file.
/// </remarks>
public static class TerritoryCsv
{
    private static readonly string[] GridColumns =
        ["区编码", "区名称", "街道编码", "街道名称", "社区编码", "社区名称", "网格编码", "网格名称", "小区类型", "户数", "常住人口", "流动人口", "面积(平方米)", "网格长", "网格长B岗", "网格员", "边界"];

    private static readonly string[] GridAliases =
        ["DistrictCode", "DistrictName", "StreetCode", "StreetName", "CommunityCode", "CommunityName", "GridCode", "GridName", "Compound", "Households", "ResidentPopulation", "FloatingPopulation", "AreaSquareMeters", "Leader", "LeaderBackup", "Members", "Boundary"];

    private static readonly string[] WorkerColumns = ["工号", "姓名", "手机号", "所属网格"];
    private static readonly string[] WorkerAliases = ["Id", "Name", "Phone", "GridCode"];
    private static readonly string[] DepartmentColumns = ["编码", "名称"];
    private static readonly string[] DepartmentAliases = ["Id", "Name"];

    public static TerritoryCsvFiles Export(TerritoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var grids = new List<IReadOnlyList<string?>> { GridColumns };
        foreach (var district in document.Districts)
        {
            foreach (var street in district.Streets)
            {
                foreach (var community in street.Communities)
                {
                    foreach (var grid in community.Grids)
                    {
                        grids.Add(
                        [
                            district.Code, district.Name, street.Code, street.Name, community.Code, community.Name,
                            grid.Code, grid.Name, grid.Compound.ToChinese(),
                            Int(grid.Households), Int(grid.ResidentPopulation), Int(grid.FloatingPopulation), Number(grid.AreaSquareMeters),
                            grid.Staff.Leader.Worker, grid.Staff.Leader.Backup,
                            string.Join("; ", grid.Staff.Members.Select(post => post.Backup is null ? post.Worker : $"{post.Worker}/{post.Backup}")),
                            string.Join("; ", grid.Boundary.Select(point => $"{Number(point[0])} {Number(point[1])}")),
                        ]);
                    }
                }
            }
        }

        var workers = new List<IReadOnlyList<string?>> { WorkerColumns };
        workers.AddRange(document.Workers.Select(worker => (IReadOnlyList<string?>)[worker.Id, worker.Name, worker.Phone, worker.GridCode]));
        var departments = new List<IReadOnlyList<string?>> { DepartmentColumns };
        departments.AddRange(document.Departments.Select(department => (IReadOnlyList<string?>)[department.Id, department.Name]));
        return new TerritoryCsvFiles(
            CsvFormat.ToExcelBytes(CsvFormat.Write(grids)),
            CsvFormat.ToExcelBytes(CsvFormat.Write(workers)),
            CsvFormat.ToExcelBytes(CsvFormat.Write(departments)));
    }

    /// <summary>
    /// Reads the three files as bytes (UTF-8, BOM optional); <paramref name="departments"/> null means the default
    /// departments. A file that is not UTF-8 is one problem saying how to save it from Excel.
    /// </summary>
    public static TerritoryParseResult Import(
        string cityName, byte[] grids, byte[]? workers, byte[]? departments, IEnumerable<CategoryDefinition>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        var problems = new List<TerritoryProblem>();
        string? Decode(byte[]? bytes, string file)
        {
            if (bytes is null)
            {
                return null;
            }

            if (CsvFormat.TryFromBytes(bytes, out var text))
            {
                return text;
            }

            problems.Add(new TerritoryProblem(file, "the file is not UTF-8 (probably GBK); in Excel save it as \"CSV UTF-8 (逗号分隔)\""));
            return null;
        }

        var gridText = Decode(grids, TerritoryCsvFiles.GridsFileName);
        var workerText = Decode(workers, TerritoryCsvFiles.WorkersFileName);
        var departmentText = Decode(departments, TerritoryCsvFiles.DepartmentsFileName);
        return problems.Count > 0
            ? new TerritoryParseResult(null, problems)
            : Import(cityName, gridText!, workerText, departmentText, categories);
    }

    /// <summary>
    /// Builds the document from the files' text and validates it; every problem names its file and line.
    /// <paramref name="departments"/> null means <see cref="DefaultCategories.Departments"/>.
    /// </summary>
    public static TerritoryParseResult Import(
        string cityName, string grids, string? workers, string? departments, IEnumerable<CategoryDefinition>? categories = null)
    {
        ArgumentNullException.ThrowIfNull(grids);
        var problems = new List<TerritoryProblem>();
        var gridLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var districts = ReadGrids(grids, problems, gridLines);
        var workerLines = new List<int>();
        var workerDocuments = workers is null ? [] : ReadWorkers(workers, problems, workerLines);
        var departmentLines = new List<int>();
        var departmentDocuments = departments is null
            ? [.. DefaultCategories.Departments.Select(unit => new DepartmentDocument { Id = unit.Id, Name = unit.Name })]
            : ReadDepartments(departments, problems, departmentLines);
        if (districts is null)
        {
            return new TerritoryParseResult(null, problems);
        }

        var document = new TerritoryDocument
        {
            CityName = cityName,
            Districts = districts,
            Workers = workerDocuments,
            Departments = departmentDocuments,
        };
        foreach (var problem in TerritoryValidator.Validate(document, categories))
        {
            problems.Add(problem with { Path = Locate(problem.Path, gridLines, workerLines, departmentLines) });
        }

        return new TerritoryParseResult(document, problems);
    }

    private static List<DistrictDocument>? ReadGrids(string csv, List<TerritoryProblem> problems, Dictionary<string, int> gridLines)
    {
        var file = TerritoryCsvFiles.GridsFileName;
        if (Table(csv, file, GridColumns, GridAliases, problems) is not { } table)
        {
            return null;
        }

        // Rows are grouped by their path codes in first-seen order; a code seen again with another name is a problem.
        var districts = new List<PathNode>();
        foreach (var row in table.Rows)
        {
            var at = $"{file} line {row.Line}";
            string Cell(int column) => row.Fields[column].Trim();
            int Count(int column)
            {
                var text = Cell(column);
                if (text.Length == 0)
                {
                    return 0;
                }

                if (int.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                problems.Add(new TerritoryProblem($"{at}, {GridColumns[column]}", $"'{text}' is not a whole number"));
                return 0;
            }

            var district = PathNode.Find(districts, Cell(0), Cell(1), $"{at}, {GridColumns[1]}", problems);
            var street = PathNode.Find(district.Children, Cell(2), Cell(3), $"{at}, {GridColumns[3]}", problems);
            var community = PathNode.Find(street.Children, Cell(4), Cell(5), $"{at}, {GridColumns[5]}", problems);

            var compound = CompoundKind.Scattered;
            if (Cell(8).Length > 0 && !CompoundKindNames.TryParseCompoundKind(Cell(8), out compound))
            {
                problems.Add(new TerritoryProblem($"{at}, {GridColumns[8]}", $"'{Cell(8)}' is not a compound kind; use 自管小区, 物管小区, 单位小区 or 散居民区"));
            }

            var area = 0.0;
            if (Cell(12).Length > 0 && !double.TryParse(Cell(12), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out area))
            {
                problems.Add(new TerritoryProblem($"{at}, {GridColumns[12]}", $"'{Cell(12)}' is not a number of m²"));
            }

            var grid = new GridDocument
            {
                Code = Cell(6),
                Name = Cell(7),
                Compound = compound,
                Households = Count(9),
                ResidentPopulation = Count(10),
                FloatingPopulation = Count(11),
                AreaSquareMeters = area,
                Staff = new StaffDocument
                {
                    Leader = new PostDocument { Worker = Cell(13), Backup = Cell(14).Length > 0 ? Cell(14) : null },
                    Members = [.. Cell(15).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Post)],
                },
                Boundary = Boundary(Cell(16), $"{at}, {GridColumns[16]}", problems),
            };
            var path = $"Districts[{districts.IndexOf(district)}].Streets[{district.Children.IndexOf(street)}].Communities[{street.Children.IndexOf(community)}].Grids[{community.Grids.Count}]";
            gridLines[path] = row.Line;
            community.Grids.Add(grid);
        }

        return [.. districts.Select(district => new DistrictDocument
        {
            Code = district.Code,
            Name = district.Name,
            Streets = [.. district.Children.Select(street => new StreetDocument
            {
                Code = street.Code,
                Name = street.Name,
                Communities = [.. street.Children.Select(community => new CommunityDocument
                {
                    Code = community.Code,
                    Name = community.Name,
                    Grids = [.. community.Grids],
                })],
            })],
        })];
    }

    private static List<WorkerDocument> ReadWorkers(string csv, List<TerritoryProblem> problems, List<int> lines)
    {
        if (Table(csv, TerritoryCsvFiles.WorkersFileName, WorkerColumns, WorkerAliases, problems) is not { } table)
        {
            return [];
        }

        var workers = new List<WorkerDocument>();
        foreach (var row in table.Rows)
        {
            string Cell(int column) => column < row.Fields.Count ? row.Fields[column].Trim() : string.Empty;
            workers.Add(new WorkerDocument { Id = Cell(0), Name = Cell(1), Phone = Cell(2).Length > 0 ? Cell(2) : null, GridCode = Cell(3) });
            lines.Add(row.Line);
        }

        return workers;
    }

    private static List<DepartmentDocument> ReadDepartments(string csv, List<TerritoryProblem> problems, List<int> lines)
    {
        if (Table(csv, TerritoryCsvFiles.DepartmentsFileName, DepartmentColumns, DepartmentAliases, problems) is not { } table)
        {
            return [];
        }

        var departments = new List<DepartmentDocument>();
        foreach (var row in table.Rows)
        {
            string Cell(int column) => column < row.Fields.Count ? row.Fields[column].Trim() : string.Empty;
            departments.Add(new DepartmentDocument { Id = Cell(0), Name = Cell(1) });
            lines.Add(row.Line);
        }

        return departments;
    }

    /// <summary>The rows of a file with their fields put in <paramref name="columns"/> order by header; null if unreadable.</summary>
    private static (List<CsvRow> Rows, int Width)? Table(string csv, string file, string[] columns, string[] aliases, List<TerritoryProblem> problems)
    {
        var rows = CsvFormat.Parse(csv, out var error);
        if (error is not null)
        {
            problems.Add(new TerritoryProblem(file, error));
            return null;
        }

        if (rows.Count == 0)
        {
            problems.Add(new TerritoryProblem(file, $"the file is empty; the first line names the columns: {string.Join(",", columns)}"));
            return null;
        }

        var header = rows[0].Fields.Select(name => name.Trim()).ToList();
        var positions = new int[columns.Length];
        var missing = new List<string>();
        for (var c = 0; c < columns.Length; c++)
        {
            positions[c] = header.FindIndex(name => name == columns[c] || string.Equals(name, aliases[c], StringComparison.OrdinalIgnoreCase));
            if (positions[c] < 0)
            {
                missing.Add(columns[c]);
            }
        }

        if (missing.Count > 0)
        {
            problems.Add(new TerritoryProblem($"{file} line 1", $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; expected {string.Join(",", columns)}"));
            return null;
        }

        var ordered = rows.Skip(1)
            .Select(row => new CsvRow(row.Line, [.. positions.Select(p => p < row.Fields.Count ? row.Fields[p] : string.Empty)]))
            .ToList();
        return (ordered, columns.Length);
    }

    private static PostDocument Post(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new PostDocument { Worker = text }
            : new PostDocument { Worker = text[..slash].Trim(), Backup = text[(slash + 1)..].Trim() };
    }

    private static IReadOnlyList<IReadOnlyList<double>> Boundary(string text, string at, List<TerritoryProblem> problems)
    {
        var points = new List<IReadOnlyList<double>>();
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude))
            {
                problems.Add(new TerritoryProblem(at, $"'{pair}' is not a point; write \"longitude latitude\" pairs separated by ';'"));
                return [];
            }

            points.Add([longitude, latitude]);
        }

        return points;
    }

    /// <summary>Maps a document path to the CSV file and line it came from ("grids.csv line 7 (Staff.Leader.Worker)").</summary>
    private static string Locate(string path, Dictionary<string, int> gridLines, List<int> workerLines, List<int> departmentLines)
    {
        var gridEnd = path.IndexOf(".Grids[", StringComparison.Ordinal);
        if (gridEnd >= 0)
        {
            var close = path.IndexOf(']', gridEnd);
            if (gridLines.TryGetValue(path[..(close + 1)], out var line))
            {
                var rest = path[(close + 1)..].TrimStart('.');
                return rest.Length > 0 ? $"{TerritoryCsvFiles.GridsFileName} line {line} ({rest})" : $"{TerritoryCsvFiles.GridsFileName} line {line}";
            }
        }

        return Indexed(path, "Workers[", workerLines, TerritoryCsvFiles.WorkersFileName)
            ?? Indexed(path, "Departments[", departmentLines, TerritoryCsvFiles.DepartmentsFileName)
            ?? path;
    }

    private static string? Indexed(string path, string prefix, List<int> lines, string file)
    {
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var close = path.IndexOf(']', StringComparison.Ordinal);
        if (!int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), CultureInfo.InvariantCulture, out var index) || index >= lines.Count)
        {
            return null;
        }

        var rest = path[(close + 1)..].TrimStart('.');
        return rest.Length > 0 ? $"{file} line {lines[index]} ({rest})" : $"{file} line {lines[index]}";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A district, street or community being gathered from the rows.</summary>
    private sealed class PathNode(string code, string name)
    {
        public string Code { get; } = code;

        public string Name { get; } = name;

        public List<PathNode> Children { get; } = [];

        public List<GridDocument> Grids { get; } = [];

        public static PathNode Find(List<PathNode> siblings, string code, string name, string at, List<TerritoryProblem> problems)
        {
            var node = siblings.Find(sibling => sibling.Code == code);
            if (node is null)
            {
                node = new PathNode(code, name);
                siblings.Add(node);
            }
            else if (node.Name != name)
            {
                problems.Add(new TerritoryProblem(at, $"{code} is named '{name}' here but '{node.Name}' on an earlier line"));
            }

            return node;
        }
    }
}
