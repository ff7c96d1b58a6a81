using LiveGrid.Grains.Calendar;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.City;

/// <summary>
/// What every grain of one city shares and nobody changes mid-call: the business calendar, the SLA table, the policies,
/// the categories and the territory (swapped whole on import). A singleton in the silo's services.
/// </summary>
public sealed class CityModel
{
    private readonly Dictionary<string, CategoryDefinition> _categories;
    private CityTerritory _territory;

    public CityModel(BusinessCalendar calendar, SlaPolicy sla, CityPolicies policies, CityTerritory? territory = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(sla);
        ArgumentNullException.ThrowIfNull(policies);
        Calendar = calendar;
        Sla = sla;
        Policies = policies.Validate();
        Categories = policies.Categories.Count > 0 ? [.. policies.Categories] : DefaultCategories.All;
        _categories = new Dictionary<string, CategoryDefinition>(StringComparer.Ordinal);
        foreach (var category in Categories)
        {
            if (string.IsNullOrWhiteSpace(category.Code) || !_categories.TryAdd(category.Code.Trim(), category))
            {
                throw new ArgumentException($"{CityPolicies.SectionName}:Categories: category '{category.Code}' is empty or listed twice.");
            }
        }

        _territory = territory ?? CityTerritory.Empty;
    }

    /// <summary>The default calendar and SLA table, default policies and an empty territory (tests set their own).</summary>
    public static CityModel CreateDefault(CityTerritory? territory = null) =>
        new(BusinessCalendar.Default, SlaPolicy.Default, new CityPolicies(), territory);

    public BusinessCalendar Calendar { get; }

    public TimeZoneInfo TimeZone => Calendar.TimeZone;

    public SlaPolicy Sla { get; }

    public CityPolicies Policies { get; }

    public IReadOnlyList<CategoryDefinition> Categories { get; }

    public CityTerritory Territory => Volatile.Read(ref _territory);

    /// <summary>Raised after the territory was replaced.</summary>
    public event Action<CityTerritory>? TerritoryReplaced;

    public void ReplaceTerritory(CityTerritory territory)
    {
        ArgumentNullException.ThrowIfNull(territory);
        Volatile.Write(ref _territory, territory);
        TerritoryReplaced?.Invoke(territory);
    }

    public CategoryDefinition? FindCategory(string category) =>
        _categories.GetValueOrDefault(category.Trim());

    /// <summary>The city's local date of an instant.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => Calendar.LocalDate(instant);

    /// <summary>
    /// 属地管理: the unit for a ticket of <paramref name="category"/> in <paramref name="gridCode"/>, from the category's
    /// routing; null (with the reason) when the category is unknown, the grid is not in the territory, or the department
    /// is missing.
    /// </summary>
    public RouteDecision? Route(string? gridCode, string category, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(category);
        var territory = Territory;
        if (FindCategory(category) is not { } definition)
        {
            problem = $"category '{category}' is not configured; known categories: {string.Join(", ", Categories.Select(c => c.Code))}";
            return null;
        }

        var routeTo = definition.RouteTo.Trim();
        if (routeTo.StartsWith("dept:", StringComparison.Ordinal))
        {
            if (territory.FindUnit(routeTo) is { } department)
            {
                problem = null;
                return new RouteDecision(department, null, $"{definition.Code} is handled by {department.Name}");
            }

            problem = $"category {definition.Code} routes to {routeTo}, which is not a department of the territory";
            return null;
        }

        if (gridCode is null || territory.FindGrid(gridCode) is not { } grid)
        {
            problem = gridCode is null
                ? $"category {definition.Code} is handled where it happens ({routeTo}), but the ticket has no grid"
                : $"grid {gridCode} is not in the territory";
            return null;
        }

        problem = null;
        return routeTo switch
        {
            "grid" => new RouteDecision(
                new ResponsibleUnit(ResponsibleUnit.GridUnitId(grid.Code.Value), grid.Name, UnitKind.Grid, grid.Code.Value),
                grid.Staff.Leader,
                $"{definition.Code} is handled in the grid (小事不出网格)"),
            "community" => Territorial(territory, ResponsibleUnit.CommunityUnitId(grid.Code.CommunityCode.Value), $"{definition.Code} is coordinated by the community"),
            "street" => Territorial(territory, ResponsibleUnit.StreetUnitId(grid.Code.StreetCode.Value), $"{definition.Code} is handled by the street"),
            _ => Fail($"category {definition.Code} routes to '{routeTo}'; use grid, community, street or dept:…", out problem),
        };
    }

    private static RouteDecision? Territorial(CityTerritory territory, string unitId, string why) =>
        territory.FindUnit(unitId) is { } unit ? new RouteDecision(unit, null, why) : null;

    private static RouteDecision? Fail(string message, out string? problem)
    {
        problem = message;
        return null;
    }
}
