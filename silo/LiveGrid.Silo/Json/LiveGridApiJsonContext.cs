using System.Text.Json;
using System.Text.Json.Serialization;
using LiveGrid.Silo.Health;

namespace LiveGrid.Silo.Json;

/// <summary>Source-generated JSON for the HTTP API's types: no reflection on the request path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(HealthResponse))]
public sealed partial class LiveGridApiJsonContext : JsonSerializerContext;
