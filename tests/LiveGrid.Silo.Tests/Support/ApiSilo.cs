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
/// <see cref="TestCity"/> territory in place and no demo city. <see cref="Http"/> is signed in as the bootstrap
/// administrator (bearer token); <see cref="ClientAsAsync"/> gives clients of the other roles.
/// </summary>
internal sealed class ApiSilo : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<HttpClient> _clients = [];
    private int _users;

    private ApiSilo(WebApplication app, ManualTimeProvider time, string accessToken)
    {
        App = app;
        Time = time;
        AccessToken = accessToken;
        Http = TestUsers.Client(new Uri(app.Urls.Single()), accessToken);
    }

    /// <summary>The bootstrap administrator's bearer token (what <see cref="Http"/> sends).</summary>
    public string AccessToken { get; }

    public Uri Address => Http.BaseAddress!;

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
                // Tests take tickets in by the hundred and sign in often; the tests of the limits set their own.
                ["LiveGrid:RateLimits:Intake:PermitLimit"] = "1000000",
                ["LiveGrid:RateLimits:SignIn:PermitLimit"] = "1000000",
            };
            foreach (var (key, value) in TestUsers.BootstrapAdmin())
            {
                all[key] = value;
            }

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
            var token = await TestUsers.TokenAsync(new Uri(app.Urls.Single()), TestUsers.AdminUserName, TestUsers.AdminPassword);
            return new ApiSilo(app, time, token);
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

    /// <summary>
    /// Creates a user with <paramref name="role"/> through POST /api/users (as the administrator) and signs it in:
    /// its bearer token. A grid worker names its worker, a unit handler its unit.
    /// </summary>
    public async Task<string> SignInAsAsync(string role, string? workerId = null, string? unitId = null)
    {
        var userName = $"{role.ToLowerInvariant()}-{Interlocked.Increment(ref _users)}";
        var response = await PostJsonAsync("/api/users", new { userName, password = TestUsers.Password, roles = new[] { role }, workerId, unitId });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await TestUsers.TokenAsync(Address, userName, TestUsers.Password);
    }

    /// <summary>An HTTP client signed in as a new user with <paramref name="role"/> (see <see cref="SignInAsAsync"/>); disposed with the silo.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string? workerId = null, string? unitId = null)
    {
        var client = TestUsers.Client(Address, await SignInAsAsync(role, workerId, unitId));
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    /// <summary>A client that is not signed in.</summary>
    public HttpClient Anonymous()
    {
        var client = TestUsers.Client(Address, null);
        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        lock (_clients)
        {
            _clients.ForEach(client => client.Dispose());
        }

        await App.StopAsync().WaitAsync(Eventually.Timeout);
        await App.DisposeAsync();
    }
}
