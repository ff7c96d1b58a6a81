using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Inspections;

/// <summary>scheduled → started (checked in at the grid) → completed; or missed when the window ends first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InspectionStatus>))]
public enum InspectionStatus
{
    Scheduled,
    Started,
    Completed,
    Missed,
}
