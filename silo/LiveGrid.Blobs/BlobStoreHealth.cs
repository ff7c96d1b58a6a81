namespace LiveGrid.Blobs;

/// <summary>The store's answer to a health probe.</summary>
public sealed record BlobStoreHealth(string Provider, bool Healthy, TimeSpan Latency, string Description);
