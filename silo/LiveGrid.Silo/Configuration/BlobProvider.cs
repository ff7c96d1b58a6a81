namespace LiveGrid.Silo.Configuration;

/// <summary>Where blobs (photos, attachments, exports) live (LiveGrid:Blobs:Provider).</summary>
public enum BlobProvider
{
    /// <summary>A local folder, by default "blobs" under the data directory: the embedded default.</summary>
    Folder,

    /// <summary>Azure Blob Storage, or Azurite for development and tests.</summary>
    Azure,
}
