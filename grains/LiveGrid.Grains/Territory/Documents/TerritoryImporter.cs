using LiveGrid.Grains.City;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// Decides whether a document can become the live territory: validates it, builds the <see cref="CityTerritory"/>, and
/// flags grids below the staffing rule. Applies nothing itself (the territory grain stores and applies).
/// </summary>
public static class TerritoryImporter
{
    /// <summary>
    /// The result the import would have (with <see cref="TerritoryImportResult.Applied"/> false) and, when there are no
    /// problems, the territory to apply.
    /// </summary>
    public static (TerritoryImportResult Result, CityTerritory? Territory) Check(
        TerritoryDocument document, IEnumerable<CategoryDefinition>? categories = null, StaffingRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = TerritoryValidator.Validate(document, categories);
        if (problems.Count > 0)
        {
            return (new TerritoryImportResult { Applied = false, Problems = problems }, null);
        }

        CityTerritory territory;
        try
        {
            territory = TerritoryDocumentMapper.ToCityTerritory(document);
        }
        catch (ArgumentException e)
        {
            // The validator should have caught it; say what the model refused rather than fail the call.
            return (new TerritoryImportResult { Applied = false, Problems = [new TerritoryProblem("(document)", e.Message)] }, null);
        }

        return (Describe(territory, applied: false, rule), territory);
    }

    /// <summary>Counts and staffing warnings of a territory.</summary>
    public static TerritoryImportResult Describe(CityTerritory territory, bool applied, StaffingRule? rule = null)
    {
        ArgumentNullException.ThrowIfNull(territory);
        var index = territory.Index;
        var streets = index.Districts.SelectMany(district => index.Children(district.Code)).ToList();
        var communities = streets.SelectMany(street => index.Children(street.Code)).ToList();
        return new TerritoryImportResult
        {
            Applied = applied,
            Understaffed = [.. index.Understaffed(rule).Select(shortfall => new UnderstaffedGrid(
                shortfall.Grid.Value, index.Find(shortfall.Grid)!.Name, shortfall.Households, shortfall.RequiredWorkers, shortfall.Workers))],
            Districts = index.Districts.Count,
            Streets = streets.Count,
            Communities = communities.Count,
            Grids = index.Grids.Count,
            Workers = territory.Workers.Count,
            Departments = territory.Departments.Count,
        };
    }
}
