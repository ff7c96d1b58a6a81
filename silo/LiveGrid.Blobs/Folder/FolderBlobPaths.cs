namespace LiveGrid.Blobs.Folder;

/// <summary>
/// How blob names map to files. A name "a/b/photo.jpg" becomes folders "a/b" with the sidecar "photo.jpg%meta" and the
/// content "photo.jpg%{etag}%data". '%' in a name is written as "%25", so the suffixes never collide with a name, and
/// both "a" and "a/b" can exist (a file "a%meta" next to a folder "a").
/// </summary>
internal static class FolderBlobPaths
{
    public const string SidecarSuffix = "%meta";
    public const string TempFolderName = ".tmp";

    public static string ContainerDirectory(string root, string container) => Path.Combine(root, container);

    public static string TempDirectory(string root) => Path.Combine(root, TempFolderName);

    public static string Sidecar(string root, string container, string name) =>
        Path.Combine(ContainerDirectory(root, container), Encode(name) + SidecarSuffix);

    public static string Content(string root, string container, string name, string etag) =>
        Path.Combine(ContainerDirectory(root, container), Encode(name) + "%" + etag + "%data");

    /// <summary>The blob name of a sidecar path relative to its container folder, or null for any other file.</summary>
    public static string? NameOfSidecar(string relativePath)
    {
        if (!relativePath.EndsWith(SidecarSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        var encoded = relativePath[..^SidecarSuffix.Length].Replace(Path.DirectorySeparatorChar, '/');
        return encoded.Replace("%25", "%", StringComparison.Ordinal);
    }

    /// <summary>The folder that holds every blob under <paramref name="prefix"/>: the prefix up to its last '/'.</summary>
    public static string ListingDirectory(string root, string container, string? prefix)
    {
        var directory = ContainerDirectory(root, container);
        var slash = prefix?.LastIndexOf('/') ?? -1;
        return slash <= 0 ? directory : Path.Combine(directory, Encode(prefix![..slash]));
    }

    // Names were validated: no "..", no leading '/', no backslash, so the path stays inside the container folder.
    private static string Encode(string name) =>
        name.Replace("%", "%25", StringComparison.Ordinal).Replace('/', Path.DirectorySeparatorChar);
}
