using System.Text.Json;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>Reading API answers as JSON documents, so tests check the wire format rather than our own types.</summary>
internal static class ApiResponses
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>The body as problem+json with the given status; fails with the body when it is anything else.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, "the body was {0}", text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", "the body was {0}", text);
        using var document = JsonDocument.Parse(text);
        var problem = document.RootElement.Clone();
        problem.GetProperty("status").GetInt32().Should().Be(status);
        return problem;
    }

    public static string[] Strings(this JsonElement array) =>
        array.EnumerateArray().Select(item => item.GetString()!).ToArray();
}
