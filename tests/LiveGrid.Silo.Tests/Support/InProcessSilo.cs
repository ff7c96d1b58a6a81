using LiveGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// The real LiveGrid host (LiveGridHost.Build) on Kestrel at a free loopback port, with an HTTP client
/// pointed at it. Settings given here win over appsettings.json and the environment.
/// </summary>
internal sealed class InProcessSilo : IAsyncDisposable
{
    private InProcessSilo(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = Eventually.Timeout };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, params string[] args) =>
        LiveGridHost.Build(["--urls", "http://127.0.0.1:0", .. args], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
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
            return new InProcessSilo(app, new Uri(app.Urls.Single()));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
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
