using System.Globalization;
using System.Net;
using LiveGrid.Silo.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Issue 6, bad input: thousands of malformed, oversized, wrongly typed, out-of-order, stale and concurrent requests at
/// every endpoint the host maps, and bad invocations at the hub. Passes when nothing answers 5xx, every refusal is a
/// 4xx problem+json, and a recount of the city after the refused requests equals the one before, byte for byte.
/// <para>
/// The long form: <c>LIVEGRID_FUZZ_REQUESTS=50000 dotnet test tests/LiveGrid.Silo.Tests --filter FullyQualifiedName~BadInputFuzz</c>
/// (and <c>LIVEGRID_FUZZ_SEED</c> for another sequence); the counts are printed either way.
/// </para>
/// </summary>
public sealed class BadInputFuzzTests(ITestOutputHelper output)
{
    public const int DefaultRequests = 3000;

    public const int DefaultSeed = 20261123;

    private static int Requests => Setting("LIVEGRID_FUZZ_REQUESTS", DefaultRequests);

    private static int Seed => Setting("LIVEGRID_FUZZ_SEED", DefaultSeed);

    /// <summary>SignalR logs every refused invocation as an error; thousands of them would bury the counts.</summary>
    private static readonly Dictionary<string, string?> QuietHub = new()
    {
        ["Logging:LogLevel:Microsoft.AspNetCore.SignalR"] = "None",
        ["Logging:LogLevel:Microsoft.AspNetCore.Http.Connections"] = "None",
    };

    [Fact]
    public async Task Bad_requests_at_every_endpoint_are_refused_with_problem_json_and_change_nothing()
    {
        await using var silo = await ApiSilo.StartAsync(settings: QuietHub);
        var fixture = await FuzzFixture.CreateAsync(silo);
        var endpoints = Endpoints(silo);
        endpoints.Select(e => e.ToString()).Should().Contain(
            ["POST /api/tickets/", "POST /api/tickets/{id}/accept", "POST /api/tickets/{id}/caller/reveal", "PUT /api/territory", "PUT /api/workers/{id}/duty"],
            "the fuzz reaches every endpoint the host maps");

        var random = new Random(Seed);
        var shots = Shots(endpoints, new BadRequests(random, fixture), random, Requests);
        var before = await StateRecount.TakeAsync(silo, fixture);

        var tally = new FuzzTally();
        var anonymous = silo.Anonymous();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await FuzzRunner.RunAsync(silo.Http, anonymous, shots, tally);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        var after = await StateRecount.TakeAsync(silo, fixture);
        var hub = new HubFuzz(silo, random);
        await hub.RunAsync(Math.Max(200, Requests / 10));

        var report = tally.Summary($"HTTP fuzz (seed {Seed}, {endpoints.Count} endpoints, {elapsed.TotalSeconds:0.0} s)")
            + $"Hub fuzz: {hub.Invocations} invocations, {hub.Refusals} refused with HubException, {hub.ClosedForSize} closed for size, {hub.AnonymousRefused} unauthenticated connections refused, {hub.Failures.Count} failures";
        output.WriteLine(report);
        foreach (var failure in tally.Failures.Take(40).Concat(hub.Failures.Take(40)))
        {
            output.WriteLine("  " + failure);
        }

        Console.WriteLine(report);

        tally.Failures.Should().BeEmpty("every refusal is a 4xx problem+json and no refused request is accepted");
        tally.ServerErrors.Should().Be(0);
        tally.Requests.Should().BeGreaterThanOrEqualTo(Requests);
        tally.Refusals.Should().BeGreaterThan(Requests / 2, "the requests are bad by construction");
        StateRecount.Differences(before, after).Should().BeEmpty("a refused request changes nothing");
        hub.Failures.Should().BeEmpty();
        hub.Refusals.Should().BeGreaterThan(0);
        hub.AnonymousRefused.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task A_burst_of_the_same_action_applies_it_once_and_refuses_the_rest_with_problem_json()
    {
        await using var silo = await ApiSilo.StartAsync();
        var classified = (await silo.ReceiveAsync(grid: 1)).Id();
        var dispatched = (await silo.ReceiveAsync(grid: 2)).Id();
        var seen = (await silo.ActAsync(dispatched, "dispatch", new { actor = Actors.Dispatcher })).Version();

        // Without a version the first dispatch wins and the others find the ticket dispatched already (409);
        // with the version everyone saw, the first accept wins and the others are stale (409).
        var dispatches = await BurstAsync(silo, $"/api/tickets/{classified}/dispatch", "{\"actor\":{\"id\":\"ds1\",\"role\":\"Dispatcher\",\"name\":\"派单员\"}}");
        var accepts = await BurstAsync(silo, $"/api/tickets/{dispatched}/accept",
            $"{{\"actor\":{{\"id\":\"w2a\",\"role\":\"GridWorker\",\"name\":\"网格员\"}},\"expectedVersion\":{seen.ToString(CultureInfo.InvariantCulture)}}}");

        foreach (var (id, statuses, status) in new[] { (classified, dispatches, "Dispatched"), (dispatched, accepts, "Accepted") })
        {
            statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1, "exactly one of the burst applies");
            statuses.Count(s => s == HttpStatusCode.Conflict).Should().Be(statuses.Count - 1);
            var view = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
            view.Status().Should().Be(status);
            var audit = await (await silo.Http.GetAsync($"/api/tickets/{id}/audit")).JsonAsync();
            audit.GetArrayLength().Should().Be(view.Version(), "one entry per applied action, none for the refused ones");
        }

        (await (await silo.Http.GetAsync($"/api/tickets/{classified}/audit")).JsonAsync()).GetArrayLength().Should().Be(3, "receive, classify, one dispatch");
        (await (await silo.Http.GetAsync($"/api/tickets/{dispatched}/audit")).JsonAsync()).GetArrayLength().Should().Be(seen + 1);
    }

    private static async Task<IReadOnlyList<HttpStatusCode>> BurstAsync(ApiSilo silo, string path, string body)
    {
        var tally = new FuzzTally();
        var endpoint = new FuzzEndpoint(path, "POST", []);
        var shot = new FuzzShot("burst", endpoint, "POST", path, System.Text.Encoding.UTF8.GetBytes(body), "application/json");
        var statuses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SendCheckedAsync(silo.Http, shot, tally)));
        tally.Failures.Where(f => !f.StartsWith("accepted", StringComparison.Ordinal)).Should().BeEmpty();
        return statuses;
    }

    private static async Task<HttpStatusCode> SendCheckedAsync(HttpClient http, FuzzShot shot, FuzzTally tally) =>
        await FuzzRunner.SendAsync(http, shot, tally) ?? throw new InvalidOperationException($"no answer to {shot}");

    /// <summary>Every route the host maps (the hub's own routes excepted: the hub is fuzzed through SignalR), one per method.</summary>
    private static List<FuzzEndpoint> Endpoints(ApiSilo silo) =>
    [
        .. silo.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("/hubs/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => new FuzzEndpoint(Normalize(e.RoutePattern), method, [.. e.RoutePattern.Parameters.Select(p => p.Name)])))
            .DistinctBy(e => e.ToString())
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
    ];

    private static string Normalize(RoutePattern pattern)
    {
        var raw = pattern.RawText!;
        return raw.StartsWith('/') ? raw : "/" + raw;
    }

    /// <summary>
    /// The fixed corpus for every state-changing endpoint, then round-robin over all endpoints until
    /// <paramref name="requests"/> requests (bursts count each copy), with a share of unmapped methods and paths.
    /// </summary>
    private static List<FuzzShot> Shots(IReadOnlyList<FuzzEndpoint> endpoints, BadRequests bad, Random random, int requests)
    {
        var shots = endpoints.SelectMany(bad.Corpus).ToList();
        var total = shots.Count;
        for (var i = 0; total < requests; i++)
        {
            var endpoint = endpoints[i % endpoints.Count];
            var shot = random.Next(20) == 0 ? bad.Unrouted(endpoint) : bad.Next(endpoint);
            // A share comes without signing in: 401 problem+json before the endpoint sees it.
            shot = random.Next(10) == 0 ? shot with { Anonymous = true } : shot;
            shots.Add(shot);
            total += shot.Burst;
        }

        return shots;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
