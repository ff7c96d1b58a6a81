namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// A territory as three CSV files for Excel (UTF-8 with BOM): grids.csv (one row per grid with its path, attributes,
/// posts and boundary), workers.csv and departments.csv.
/// </summary>
public sealed record TerritoryCsvFiles(byte[] Grids, byte[] Workers, byte[] Departments)
{
    public const string GridsFileName = "grids.csv";
    public const string WorkersFileName = "workers.csv";
    public const string DepartmentsFileName = "departments.csv";
}
