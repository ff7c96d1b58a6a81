namespace LiveGrid.Blobs.Folder;

/// <summary>
/// The sidecar of one blob: its properties, and through <paramref name="ETag"/> the content file it belongs to.
/// Renaming the sidecar into place is what commits a put.
/// </summary>
public sealed record FolderBlobRecord(
    string ContentType,
    long Length,
    string ETag,
    DateTimeOffset LastModified,
    Dictionary<string, string> Metadata);
