namespace LiveGrid.Blobs;

/// <summary>An open blob: its properties and a stream of its content. Dispose it to release the stream.</summary>
public sealed class BlobDownload(BlobProperties properties, Stream content) : IAsyncDisposable, IDisposable
{
    public BlobProperties Properties { get; } = properties;

    /// <summary>The content, read from the start; not seekable on every provider.</summary>
    public Stream Content { get; } = content;

    public string ContentType => Properties.ContentType;

    public long Length => Properties.Length;

    public string ETag => Properties.ETag;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
