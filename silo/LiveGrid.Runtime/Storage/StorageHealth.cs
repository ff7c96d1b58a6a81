namespace LiveGrid.Runtime.Storage;

/// <summary>The outcome of a storage health probe.</summary>
public sealed record StorageHealth(string Provider, bool Healthy, TimeSpan Latency, string Description);
