using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveGrid.Silo.Live;

/// <summary>Writes a <see cref="PreserializedDelta"/>'s bytes as they are; the server never reads one.</summary>
public sealed class PreserializedDeltaConverter : JsonConverter<PreserializedDelta>
{
    public override PreserializedDelta Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("A delta is only ever sent by the server.");

    public override void Write(Utf8JsonWriter writer, PreserializedDelta value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8Json.Span, skipInputValidation: true);
}
