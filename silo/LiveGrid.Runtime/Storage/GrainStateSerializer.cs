using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LiveGrid.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Storage;

/// <summary>
/// Turns grain state into bytes and back with System.Text.Json: the source-generated contexts
/// registered in <see cref="GrainRuntimeOptions.StateTypeInfoResolvers"/> first, reflection as the fallback.
/// </summary>
public sealed class GrainStateSerializer
{
    private readonly JsonSerializerOptions _options;

    public GrainStateSerializer(IOptions<GrainRuntimeOptions> options)
    {
        var resolvers = options.Value.StateTypeInfoResolvers.Append(new DefaultJsonTypeInfoResolver());
        _options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers]),
        };
        _options.MakeReadOnly();
    }

    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)));

    public T Deserialize<T>(ReadOnlySpan<byte> data) =>
        JsonSerializer.Deserialize(data, (JsonTypeInfo<T>)_options.GetTypeInfo(typeof(T)))
        ?? throw new JsonException($"Stored state deserialized to null for {typeof(T).Name}.");
}
