using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Inspections;

[JsonConverter(typeof(JsonStringEnumConverter<InspectionKind>))]
public enum InspectionKind
{
    /// <summary>日巡查: the grid's daily patrol.</summary>
    Patrol,
    /// <summary>核查: verification of a resolved ticket on the ground.</summary>
    Verification,
}
