using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The level at which a ticket was resolved, recorded for "小事不出网格/社区，大事不出街道" (resolve at the lowest level
/// that can) and the where-resolved share in the reports.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResolutionLevel>))]
public enum ResolutionLevel
{
    /// <summary>网格.</summary>
    Grid,

    /// <summary>社区/村.</summary>
    Community,

    /// <summary>街道/镇.</summary>
    Street,

    /// <summary>区 (a district department).</summary>
    District,
}
