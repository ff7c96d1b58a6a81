namespace LiveGrid.Blobs;

/// <summary>A <see cref="BlobWriteMode.CreateOnly"/> put found the name taken. Nothing was changed.</summary>
public sealed class BlobAlreadyExistsException(string container, string name, Exception? innerException = null)
    : BlobStoreException($"blob '{name}' already exists in container '{container}'", innerException ?? new InvalidOperationException("name taken"))
{
    public string Container { get; } = container;

    public string Name { get; } = name;
}
