using System.Net.Http.Json;
using System.Text.Json;
using System.Text;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>
/// The real LiveGrid host on Kestrel at a free loopback port, on the memory store, its clock a
/// <see cref="ManualTimeProvider"/> at <see cref="Start"/> (Monday 2026-11-23 09:30 in Beijing, a working day) unless told otherwise, the
/// <see cref="TestCity"/> territory in place and no demo city.
/// </summary>
internal sealed class ApiSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ApiSilo(WebApplication app, ManualTimeProvider time)
    {
        App = app;
        Time = time;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = Eventually.Timeout };
    }

    public WebApplication App { get; }

    public ManualTimeProvider Time { get; }

    public HttpClient Http { get; }

    public CityModel City => App.Services.GetRequiredService<CityModel>();

    public GrainRuntime Runtime => App.Services.GetRequiredService<GrainRuntime>();

    /// <summary>Moves the clock to <paramref name="at"/> timer by timer, letting the grains finish each instant's work.</summary>
    public Task AdvanceToAsync(DateTimeOffset at) => Time.AdvanceSettledAsync(Runtime, at);

    public static async Task<ApiSilo> StartAsync(
        bool withTerritory = true, IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? start = null)
    {
        var time = new ManualTimeProvider(start ?? Start);
        var app = LiveGridHost.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            var all = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["LiveGrid:Storage:Provider"] = "Memory",
                ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "false",
                // Scheduled reports read every ticket of a period; only the tests of them turn them on.
                ["LiveGrid:Reports:Scheduled"] = "false",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(all);
        });
        try
        {
            if (withTerritory)
            {
                app.Services.GetRequiredService<CityModel>().ReplaceTerritory(TestCity.Territory());
            }

            await app.StartAsync().WaitAsync(Eventually.Timeout);
            return new ApiSilo(app, time);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body, Json);

    /// <summary>Posts raw text as application/json, for bodies a serializer would not write.</summary>
    public Task<HttpResponseMessage> PostRawJsonAsync(string path, string body) =>
        Http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync().WaitAsync(Eventually.Timeout);
        await App.DisposeAsync();
    }
}
