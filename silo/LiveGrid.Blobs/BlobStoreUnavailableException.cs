namespace LiveGrid.Blobs;

/// <summary>The store could not be reached or did not answer in time; retrying later may succeed.</summary>
public sealed class BlobStoreUnavailableException(string message, Exception innerException)
    : BlobStoreException(message, innerException);
