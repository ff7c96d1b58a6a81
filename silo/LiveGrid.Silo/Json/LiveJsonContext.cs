using System.Text.Json;
using System.Text.Json.Serialization;
using LiveGrid.Silo.Live;
using LiveGrid.Silo.Testing;

namespace LiveGrid.Silo.Json;

/// <summary>Source-generated JSON for the push hub's payloads and the test clock's answers.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(DeltaBatch))]
[JsonSerializable(typeof(Delta))]
[JsonSerializable(typeof(Snapshot))]
[JsonSerializable(typeof(ResumeResult))]
[JsonSerializable(typeof(PreserializedBatch))]
[JsonSerializable(typeof(PreserializedDelta))]
[JsonSerializable(typeof(BoardDelta))]
[JsonSerializable(typeof(TestClockRequest))]
[JsonSerializable(typeof(TestClockResponse))]
public sealed partial class LiveJsonContext : JsonSerializerContext;
