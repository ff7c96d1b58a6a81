namespace LiveGrid.Grains.City;

/// <summary>
/// A body that handles tickets (承办单位). Territorial units are implied by the territory and have ids
/// "grid:{code}", "community:{code}", "street:{code}"; departments are listed in the territory ("dept:cgzf").
/// </summary>
public sealed record ResponsibleUnit(string Id, string Name, UnitKind Kind, string? TerritoryCode = null)
{
    public static string GridUnitId(string gridCode) => $"grid:{gridCode}";

    public static string CommunityUnitId(string communityCode) => $"community:{communityCode}";

    public static string StreetUnitId(string streetCode) => $"street:{streetCode}";
}
