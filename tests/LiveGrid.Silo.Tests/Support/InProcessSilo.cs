using LiveGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// The real LiveGrid host (LiveGridHost.Build) on Kestrel at a free loopback port, with an HTTP client
/// pointed at it, signed in as the bootstrap administrator when the store lets it sign in. Settings given here win
/// over appsettings.json and the environment.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private InProcessSilo(WebApplication app, Uri address, string? accessToken)
    {
        App = app;
        Address = address;
        AccessToken = accessToken;
        Http = TestUsers.Client(address, accessToken);
    }

    /// <summary>The administrator's bearer token; null when the silo could not sign in at start (its store was down).</summary>
    public string? AccessToken { get; }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        LiveGridHost.Build(["--urls", "http://127.0.0.1:0", .. args], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(WithAdmin(settings))
            {
                ["Logging:LogLevel:Default"] = "Warning",
                // Unless a test asks for it: the demo city is for people trying LiveGrid, not for these tests.
                ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = settings.GetValueOrDefault("LiveGrid:Startup:LoadDemoCityWhenEmpty") ?? "false",
            }));

    public static async Task<InProcessSilo> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var app = Build(settings);
        try
        {
            await app.StartAsync().WaitAsync(Eventually.Timeout);
            // Port 0 was replaced by the port Kestrel actually bound.
            var address = new Uri(app.Urls.Single());
            return new InProcessSilo(app, address, await TryTokenAsync(address));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static Dictionary<string, string?> WithAdmin(IReadOnlyDictionary<string, string?> settings)
    {
        var all = TestUsers.BootstrapAdmin();
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>The administrator's token, or null when sign-in fails (a test of a store that is down at start).</summary>
    public static async Task<string?> TryTokenAsync(Uri address)
    {
        try
        {
            return await TestUsers.TokenAsync(address, TestUsers.AdminUserName, TestUsers.AdminPassword);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    public static Dictionary<string, string?> Sqlite(string dataDirectory) => new()
    {
        ["LiveGrid:Storage:Provider"] = "Sqlite",
        ["LiveGrid:Storage:Sqlite:DataDirectory"] = dataDirectory,
    };

    public static Dictionary<string, string?> Redis(string connectionString, string keyPrefix) => new()
    {
        ["LiveGrid:Storage:Provider"] = "Redis",
        ["LiveGrid:Storage:Redis:ConnectionString"] = connectionString,
        ["LiveGrid:Storage:Redis:KeyPrefix"] = keyPrefix,
    };

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().WaitAsync(Eventually.Timeout);
        await App.DisposeAsync();
    }
}
