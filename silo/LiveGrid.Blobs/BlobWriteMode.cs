namespace LiveGrid.Blobs;

/// <summary>What a put does when the name is already taken.</summary>
public enum BlobWriteMode
{
    /// <summary>Replace the blob that is there.</summary>
    Overwrite,

    /// <summary>
    /// Fail with <see cref="BlobAlreadyExistsException"/>. For content-addressed names (the name is the content's
    /// hash): the blob already there is the same content, so the caller can treat the conflict as success.
    /// </summary>
    CreateOnly,
}
