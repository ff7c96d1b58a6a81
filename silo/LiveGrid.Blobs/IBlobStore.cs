namespace LiveGrid.Blobs;

/// <summary>
/// Named binary objects (photos, attachments, exports) in containers. Every provider behaves the same way; the contract
/// suite in tests/LiveGrid.Blobs.Tests is the definition. Container and blob names are checked by <see cref="BlobNames"/>
/// before anything is written: a bad name throws <see cref="InvalidBlobNameException"/>.
/// </summary>
public interface IBlobStore
{
    /// <summary>Short provider name for health output and logs: "folder" or "azure".</summary>
    string ProviderName { get; }

    /// <summary>
    /// Stores <paramref name="content"/> (read to its end, never seeked) under <paramref name="name"/>. The blob is
    /// durable when this returns, and readers see either the old blob or the new one, never a mix.
    /// </summary>
    /// <exception cref="BlobAlreadyExistsException"><see cref="BlobWriteMode.CreateOnly"/> and the name is taken.</exception>
    Task<BlobProperties> PutAsync(
        string container,
        string name,
        Stream content,
        string contentType,
        IReadOnlyDictionary<string, string>? metadata = null,
        BlobWriteMode mode = BlobWriteMode.Overwrite,
        CancellationToken cancellationToken = default);

    /// <summary>The blob's content as a stream to read (the caller disposes it), or null when there is no such blob.</summary>
    Task<BlobDownload?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>The blob's properties without its content, or null when there is no such blob.</summary>
    Task<BlobProperties?> GetPropertiesAsync(string container, string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Removes the blob; true when it was there. Deleting a missing blob is not an error.</summary>
    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// One page of the blobs whose names start with <paramref name="prefix"/>, in ordinal name order. Pass the returned
    /// <see cref="BlobPage.ContinuationToken"/> back for the next page; it is null on the last page.
    /// </summary>
    Task<BlobPage> ListAsync(
        string container,
        string? prefix = null,
        int pageSize = BlobPage.DefaultSize,
        string? continuationToken = null,
        CancellationToken cancellationToken = default);

    /// <summary>Whether the store answers and accepts work. Never throws for an unreachable store: says so instead.</summary>
    Task<BlobStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
