using System.Text.Json;
using System.Xml.Linq;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// The data-protection key ring in the configured grain store (SQLite file or Redis), beside the data it protects, so
/// tokens and cookies survive a restart and every silo on the same store reads the same keys. One record holds
/// every key's XML; a write that lost a race reads again and retries.
/// </summary>
public sealed class StoredKeyRepository(IGrainStorage storage) : IXmlRepository
{
    private const string StateName = "keys";

    private static readonly GrainId RingId = new("livegrid-data-protection", "ring");

    // The framework calls the repository synchronously, rarely (key ring refresh, key creation).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. ReadAsync().GetAwaiter().GetResult().Keys.Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();

    private async Task StoreAsync(string xml)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (keys, etag) = await ReadAsync();
            try
            {
                await storage.WriteAsync(StateName, RingId, JsonSerializer.SerializeToUtf8Bytes<List<string>>([.. keys, xml]), etag);
                return;
            }
            catch (InconsistentStateException) when (attempt < 5)
            {
                // Another silo stored a key at the same time: read its write and add ours to it.
            }
        }
    }

    private async Task<(List<string> Keys, string? ETag)> ReadAsync()
    {
        var stored = await storage.ReadAsync(StateName, RingId);
        return stored is null ? ([], null) : (JsonSerializer.Deserialize<List<string>>(stored.Data) ?? [], stored.ETag);
    }
}
