using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>Between a <see cref="TerritoryDocument"/> (what files hold) and a <see cref="CityTerritory"/> (what routing reads).</summary>
public static class TerritoryDocumentMapper
{
    /// <summary>
    /// Builds the city territory from a document that <see cref="TerritoryValidator"/> passed. Codes, ids and names are
    /// trimmed as the validator read them.
    /// </summary>
    /// <exception cref="ArgumentException">The document is not valid (the validator would have said why).</exception>
    public static CityTerritory ToCityTerritory(TerritoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var nodes = new List<TerritoryNode>();
        foreach (var district in document.Districts)
        {
            nodes.Add(new District(DistrictCode.Parse(district.Code.Trim()), district.Name));
            foreach (var street in district.Streets)
            {
                nodes.Add(new Street(StreetCode.Parse(street.Code.Trim()), street.Name));
                foreach (var community in street.Communities)
                {
                    nodes.Add(new Community(CommunityCode.Parse(community.Code.Trim()), community.Name));
                    nodes.AddRange(community.Grids.Select(ToGrid));
                }
            }
        }

        var workers = document.Workers.Select(worker => new WorkerProfile(
            worker.Id.Trim(), worker.Name.Trim(), string.IsNullOrWhiteSpace(worker.Phone) ? null : worker.Phone.Trim(), worker.GridCode.Trim()));
        var departments = document.Departments.Select(department =>
            new ResponsibleUnit(department.Id.Trim(), department.Name.Trim(), UnitKind.Department));
        return new CityTerritory(document.CityName, nodes, workers, departments);
    }

    /// <summary>The document of a city territory, in code order (workers by id), e.g. to export what is live.</summary>
    public static TerritoryDocument FromCityTerritory(CityTerritory territory)
    {
        ArgumentNullException.ThrowIfNull(territory);
        var index = territory.Index;
        return new TerritoryDocument
        {
            CityName = territory.CityName,
            Districts = [.. index.Districts.Select(district => new DistrictDocument
            {
                Code = district.Code.Value,
                Name = district.Name,
                Streets = [.. index.Children(district.Code).Select(street => new StreetDocument
                {
                    Code = street.Code.Value,
                    Name = street.Name,
                    Communities = [.. index.Children(street.Code).Select(community => new CommunityDocument
                    {
                        Code = community.Code.Value,
                        Name = community.Name,
                        Grids = [.. index.Children(community.Code).Cast<Grid>().Select(FromGrid)],
                    })],
                })],
            })],
            Workers = [.. territory.Workers.OrderBy(worker => worker.Id, StringComparer.Ordinal).Select(worker => new WorkerDocument
            {
                Id = worker.Id,
                Name = worker.Name,
                Phone = worker.Phone,
                GridCode = worker.GridCode,
            })],
            Departments = [.. territory.Departments.OrderBy(unit => unit.Id, StringComparer.Ordinal).Select(unit => new DepartmentDocument
            {
                Id = unit.Id,
                Name = unit.Name,
            })],
        };
    }

    private static Grid ToGrid(GridDocument grid) => new(
        GridCode.Parse(grid.Code.Trim()),
        grid.Name,
        grid.Compound,
        grid.Households,
        grid.ResidentPopulation,
        grid.FloatingPopulation,
        grid.AreaSquareMeters,
        new Polygon(grid.Boundary.Select(pair => new GeoPoint(pair[0], pair[1]))),
        new GridStaff(ToPost(grid.Staff.Leader), (grid.Staff.Members ?? []).Select(ToPost)));

    private static StaffPost ToPost(PostDocument post) => new(post.Worker.Trim(), post.Backup?.Trim());

    private static GridDocument FromGrid(Grid grid) => new()
    {
        Code = grid.Code.Value,
        Name = grid.Name,
        Compound = grid.Compound,
        Households = grid.Households,
        ResidentPopulation = grid.ResidentPopulation,
        FloatingPopulation = grid.FloatingPopulation,
        AreaSquareMeters = grid.AreaSquareMeters,
        Boundary = [.. grid.Boundary.Vertices.Select(point => (IReadOnlyList<double>)[point.Longitude, point.Latitude])],
        Staff = new StaffDocument
        {
            Leader = FromPost(grid.Staff.Leader),
            Members = [.. grid.Staff.Members.Select(FromPost)],
        },
    };

    private static PostDocument FromPost(StaffPost post) => new() { Worker = post.PrimaryWorkerId, Backup = post.BackupWorkerId };
}
