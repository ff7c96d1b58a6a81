namespace LiveGrid.Blobs.Azure;

/// <summary>Azure Blob Storage or Azurite (LiveGrid:Blobs:Azure).</summary>
public sealed class AzureBlobStoreOptions
{
    /// <summary>
    /// A storage connection string: "UseDevelopmentStorage=true" (Azurite on 127.0.0.1:10000), or the full form with
    /// AccountName, AccountKey and BlobEndpoint (e.g. http://127.0.0.1:10000/devstoreaccount1 for Azurite on any port).
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Longest time one operation may take, retries included (a large upload is one operation).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Uploads larger than this go up in blocks of this size instead of in one request.</summary>
    public int BlockSizeBytes { get; set; } = 4 * 1024 * 1024;
}
