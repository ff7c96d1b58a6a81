namespace LiveGrid.Grains.Territory;

/// <summary>The four levels of the territory, top down: 区 → 街道/镇 → 社区/村 → 网格.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TerritoryLevel>))]
public enum TerritoryLevel
{
    /// <summary>区: 6 digits (the national administrative division code).</summary>
    District,

    /// <summary>街道/镇: 9 digits, the district's 6 plus 3.</summary>
    Street,

    /// <summary>社区/村: 12 digits, the street's 9 plus 3.</summary>
    Community,

    /// <summary>网格: 15 digits, the community's 12 plus a 3-digit sequence.</summary>
    Grid,
}
