namespace LiveGrid.Blobs.Folder;

/// <summary>Where the folder store keeps its blobs (LiveGrid:Blobs:Folder).</summary>
public sealed class FolderBlobStoreOptions
{
    /// <summary>Absolute folder; one sub-folder per container. Created on first use.</summary>
    public string RootDirectory { get; set; } = string.Empty;
}
