using System.Text.Json.Serialization;

namespace LiveGrid.Silo.Live;

/// <summary>A delta (an event delta or a board frame) as the scope's buffer keeps it: its JSON, written once.</summary>
[JsonConverter(typeof(PreserializedDeltaConverter))]
public sealed class PreserializedDelta(byte[] utf8Json)
{
    public ReadOnlyMemory<byte> Utf8Json { get; } = utf8Json;
}
