using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>The bootstrap administrator every test silo is started with, and signing in over HTTP.</summary>
internal static class TestUsers
{
    public const string AdminUserName = "test-admin";

    public const string AdminPassword = "test-admin-password";

    /// <summary>Every user a test creates gets this password.</summary>
    public const string Password = "test-user-password";

    /// <summary>Settings (configuration keys) that create the bootstrap administrator.</summary>
    public static Dictionary<string, string?> BootstrapAdmin() => new()
    {
        ["LiveGrid:Auth:BootstrapAdmin:UserName"] = AdminUserName,
        ["LiveGrid:Auth:BootstrapAdmin:Password"] = AdminPassword,
    };

    /// <summary>The same as environment variables, for a silo run as its own process.</summary>
    public static Dictionary<string, string> BootstrapAdminEnvironment() => new()
    {
        ["LiveGrid__Auth__BootstrapAdmin__UserName"] = AdminUserName,
        ["LiveGrid__Auth__BootstrapAdmin__Password"] = AdminPassword,
    };

    /// <summary>POST /api/auth/token; the access token, or an exception naming the answer.</summary>
    public static async Task<string> TokenAsync(Uri baseAddress, string userName, string password)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = Eventually.Timeout };
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {text}");
        }

        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>An HTTP client at <paramref name="baseAddress"/> carrying <paramref name="accessToken"/>.</summary>
    public static HttpClient Client(Uri baseAddress, string? accessToken)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = Eventually.Timeout };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }
}
