using LiveGrid.Blobs;

namespace LiveGrid.Silo.Health;

/// <summary>The blob store's answer to a health probe.</summary>
public sealed record BlobStoreHealthResponse(string Provider, bool Healthy, double LatencyMs, string Description)
{
    public static BlobStoreHealthResponse From(BlobStoreHealth health) =>
        new(health.Provider, health.Healthy, Math.Round(health.Latency.TotalMilliseconds, 2), health.Description);
}
