using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// Source-generated JSON for territory documents (files and the territory grain's state). Property names are the
/// types' own; no options here, so the bytes are the same whether this context is used directly or as a resolver in
/// the runtime's state serializer.
/// </summary>
[JsonSerializable(typeof(TerritoryDocument))]
[JsonSerializable(typeof(TerritoryImportResult))]
[JsonSerializable(typeof(TerritoryState))]
public sealed partial class TerritoryJsonContext : JsonSerializerContext
{
}
