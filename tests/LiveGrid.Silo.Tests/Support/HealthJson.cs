using System.Net.Http.Headers;
using System.Text.Json;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>Reads /healthz as the JSON on the wire, not through the server's own types, so a renamed field fails.</summary>
internal static class HealthJson
{
    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(HttpClient http)
    {
        var response = await http.GetAsync("/healthz");
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone());
    }

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}
