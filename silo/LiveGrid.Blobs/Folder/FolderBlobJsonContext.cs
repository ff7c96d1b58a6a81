using System.Text.Json.Serialization;

namespace LiveGrid.Blobs.Folder;

/// <summary>Sidecar serialization without reflection.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FolderBlobRecord))]
internal sealed partial class FolderBlobJsonContext : JsonSerializerContext;
