namespace LiveGrid.Blobs.Azure;

/// <summary>
/// Azure carries metadata in HTTP headers, which allow ASCII only: values are percent-encoded (UTF-8) on the way in
/// and decoded on the way out, so Chinese text round-trips like on the folder store.
/// </summary>
internal static class AzureMetadata
{
    public static void Write(IDictionary<string, string> target, IReadOnlyDictionary<string, string>? metadata)
    {
        target.Clear();
        if (metadata is null)
        {
            return;
        }

        foreach (var (key, value) in metadata)
        {
            target[key] = Uri.EscapeDataString(value);
        }
    }

    public static IReadOnlyDictionary<string, string> Read(IDictionary<string, string> source) =>
        source.ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => Uri.UnescapeDataString(pair.Value), StringComparer.Ordinal);
}
