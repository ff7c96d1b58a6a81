using System.Text.Json.Serialization;

namespace LiveGrid.Grains.City;

/// <summary>What kind of body a responsible unit (承办单位) is: a level of the territory, or a district department.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitKind>))]
public enum UnitKind
{
    /// <summary>The grid's own workers (属地: 小事不出网格).</summary>
    Grid,
    /// <summary>The community (社区/村) office.</summary>
    Community,
    /// <summary>The street (街道/镇) office.</summary>
    Street,
    /// <summary>A district department, e.g. 城管执法局.</summary>
    Department,
}
