namespace LiveGrid.Blobs;

/// <summary>The store failed an operation; the message says which blob and why.</summary>
public class BlobStoreException : Exception
{
    public BlobStoreException(string message)
        : base(message)
    {
    }

    public BlobStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
