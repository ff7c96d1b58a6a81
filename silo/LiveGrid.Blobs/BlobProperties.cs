namespace LiveGrid.Blobs;

/// <summary>What the store knows about one blob. <paramref name="ETag"/> changes with every put.</summary>
public sealed record BlobProperties(
    string Container,
    string Name,
    string ContentType,
    long Length,
    string ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata);
