using LiveGrid.Runtime.Storage;

namespace LiveGrid.Silo.Health;

/// <summary>The store's answer to a health probe.</summary>
public sealed record StorageHealthResponse(string Provider, bool Healthy, double LatencyMs, string Description)
{
    public static StorageHealthResponse From(StorageHealth health) =>
        new(health.Provider, health.Healthy, Math.Round(health.Latency.TotalMilliseconds, 2), health.Description);
}
