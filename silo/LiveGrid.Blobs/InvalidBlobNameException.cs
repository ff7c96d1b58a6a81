namespace LiveGrid.Blobs;

/// <summary>A container name, blob name, metadata key or page size the store refuses. Nothing was written.</summary>
public sealed class InvalidBlobNameException(string message) : ArgumentException(message);
