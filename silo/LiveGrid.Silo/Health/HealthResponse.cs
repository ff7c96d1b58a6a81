namespace LiveGrid.Silo.Health;

/// <summary>The body of GET /healthz. <paramref name="Status"/> is "Healthy" or "Unhealthy".</summary>
public sealed record HealthResponse(string Status, StorageHealthResponse Storage, RuntimeHealthResponse Runtime, string Version, BlobStoreHealthResponse? Blobs = null)
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
}
