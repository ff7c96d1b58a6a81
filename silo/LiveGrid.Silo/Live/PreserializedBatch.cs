using System.Text.Json.Serialization;

namespace LiveGrid.Silo.Live;

/// <summary>
/// A <see cref="DeltaBatch"/> already written as UTF-8 JSON: the notifier serializes a batch once for every connection
/// that gets the same frames, and each send only copies the bytes.
/// </summary>
[JsonConverter(typeof(PreserializedBatchConverter))]
public sealed class PreserializedBatch(byte[] utf8Json)
{
    public ReadOnlyMemory<byte> Utf8Json { get; } = utf8Json;
}
