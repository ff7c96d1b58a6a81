using System.Text;

namespace LiveGrid.Blobs.Tests.Support;

/// <summary>Small helpers to put and read blobs as bytes and text.</summary>
internal static class BlobContent
{
    public static MemoryStream Of(string text) => new(Encoding.UTF8.GetBytes(text));

    public static async Task<byte[]> ReadAllAsync(IBlobStore store, string container, string name)
    {
        await using var download = await store.GetAsync(container, name)
            ?? throw new InvalidOperationException($"blob {container}/{name} is missing");
        using var buffer = new MemoryStream();
        await download.Content.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static async Task<string> ReadTextAsync(IBlobStore store, string container, string name) =>
        Encoding.UTF8.GetString(await ReadAllAsync(store, container, name));

    public static async Task<List<string>> ListAllNamesAsync(IBlobStore store, string container, string? prefix = null, int pageSize = 100)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(container, prefix, pageSize, token);
            names.AddRange(page.Items.Select(item => item.Name));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return names;
    }
}
