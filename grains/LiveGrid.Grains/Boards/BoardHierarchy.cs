using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Boards;

/// <summary>
/// Who reports to whom: grid → community → street → district → the city board. The parent follows from the code
/// (each level's code is a prefix of its children's), so it never changes when the territory is replaced.
/// </summary>
public static class BoardHierarchy
{
    /// <summary>The key of the <see cref="IAreaBoardGrain"/> that <paramref name="code"/> reports to; null for the city.</summary>
    public static string? ParentOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code == IAreaBoardGrain.CityKey)
        {
            return null;
        }

        var parsed = TerritoryCode.Parse(code);
        return parsed.Parent?.Value ?? IAreaBoardGrain.CityKey;
    }

    /// <summary>The level of a board key; null for the city.</summary>
    public static TerritoryLevel? LevelOf(string code) =>
        code == IAreaBoardGrain.CityKey ? null : TerritoryCode.Parse(code).Level;

    /// <summary>The codes of the boards that report to <paramref name="code"/> in <paramref name="territory"/>.</summary>
    public static IReadOnlyList<string> ChildrenOf(CityTerritory territory, string code)
    {
        ArgumentNullException.ThrowIfNull(territory);
        if (code == IAreaBoardGrain.CityKey)
        {
            return [.. territory.Index.Districts.Select(d => d.Code.Value)];
        }

        return TerritoryCode.TryParse(code, out var parsed) ? [.. territory.Index.Children(parsed).Select(n => n.Code.Value)] : [];
    }

    /// <summary>The name a board shows: the territory's name for the code, the city's name, or the code itself.</summary>
    public static string NameOf(CityTerritory territory, string code)
    {
        ArgumentNullException.ThrowIfNull(territory);
        if (code == IAreaBoardGrain.CityKey)
        {
            return territory.CityName;
        }

        return TerritoryCode.TryParse(code, out var parsed) && territory.Index.Find(parsed) is { } node ? node.Name : code;
    }
}
