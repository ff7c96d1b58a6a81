using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Workers;

/// <summary>
/// Source-generated JSON for the worker grain's state; register it in the runtime's StateTypeInfoResolvers. Spellings
/// come from attributes on the types, so the bytes are the same as with the reflection fallback.
/// </summary>
[JsonSerializable(typeof(WorkerState))]
public sealed partial class WorkerJsonContext : JsonSerializerContext
{
}
