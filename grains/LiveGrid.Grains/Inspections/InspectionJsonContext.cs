using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// Source-generated JSON for the inspection and patrol scheduler grains' state; register it in the runtime's
/// StateTypeInfoResolvers. Spellings come from attributes on the types, as with the reflection fallback.
/// </summary>
[JsonSerializable(typeof(InspectionState))]
[JsonSerializable(typeof(PatrolSchedulerState))]
public sealed partial class InspectionJsonContext : JsonSerializerContext
{
}
