using System.Text.Json.Serialization.Metadata;

namespace LiveGrid.Runtime.Hosting;

/// <summary>Settings of the grain runtime (configuration section "LiveGrid:Runtime").</summary>
public sealed class GrainRuntimeOptions
{
    public const string SectionName = "LiveGrid:Runtime";

    /// <summary>A call that has not completed by then fails at the caller with <see cref="TimeoutException"/>.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle this long is deactivated.</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long graceful shutdown waits for in-flight turns and deactivations.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many work items an activation runs before yielding its thread to other grains.</summary>
    public int MaxWorkItemsPerSlice { get; set; } = 64;

    /// <summary>Source-generated JSON contexts for grain state types, tried before reflection.</summary>
    public IList<IJsonTypeInfoResolver> StateTypeInfoResolvers { get; } = new List<IJsonTypeInfoResolver>();
}
