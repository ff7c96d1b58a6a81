using System.Net;
using System.Text;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>Every role against every endpoint family over real HTTP: allowed calls pass, refused ones are 403 problem+json and change nothing.</summary>
public sealed class RoleMatrixTests(RoleCity city) : IClassFixture<RoleCity>
{
    private const string Admin = "admin";
    private const string Commander = "commander";
    private const string Operator = "operator";
    private const string Assessor = "assessor";
    private const string W1a = "worker-w1a";
    private const string W3a = "worker-w3a";
    private const string Szss = "handler-szss";
    private const string Cgzf = "handler-cgzf";

    private static readonly string[] Everyone = [.. RoleCity.Users];
    private static readonly string[] CityReaders = [Admin, Commander, Operator, Assessor];

    private static readonly AccessCase[] Cases =
    [
        Case("meta: categories", "GET", "/api/meta/categories", null, Everyone),
        Case("territory: read", "GET", "/api/territory", null, Everyone),
        Case("territory: replace", "PUT", "/api/territory", "{}", [Admin]),
        Case("users: list", "GET", "/api/users", null, [Admin]),
        Case("users: create", "POST", "/api/users", "{}", [Admin]),
        Case("auth: me", "GET", "/api/auth/me", null, Everyone),

        Case("tickets: intake", "POST", "/api/tickets", "{}", [Admin, Operator]),
        Case("tickets: list", "GET", "/api/tickets", null, Everyone),
        // A unit handler's list is narrowed to their unit whatever the grid filter says; a grid worker's is not widened.
        Case("tickets: list another grid", "GET", $"/api/tickets?grid={TestCity.Grid3}", null, [.. CityReaders, W3a, Szss, Cgzf]),
        Case("tickets: list another unit", "GET", $"/api/tickets?unit={RoleCity.CityManagementUnit}", null, [.. CityReaders, Cgzf]),
        Case("tickets: read grid 1's", "GET", "/api/tickets/{grid1}", null, [.. CityReaders, W1a]),
        Case("tickets: audit of grid 3's", "GET", "/api/tickets/{grid3}/audit", null, [.. CityReaders, W3a]),
        Case("tickets: read the department's", "GET", "/api/tickets/{municipal}", null, [.. CityReaders, Szss, W1a]),
        Case("tickets: dispatch", "POST", "/api/tickets/{grid3}/dispatch", "{}", [Admin, Operator], "{grid3}"),
        Case("tickets: merge", "POST", "/api/tickets/{grid3}/merge", "{}", [Admin, Operator], "{grid3}"),
        Case("tickets: call back", "POST", "/api/tickets/{grid1}/callback", "{}", [Admin, Operator], "{grid1}"),
        Case("tickets: accept grid 3's", "POST", "/api/tickets/{grid3}/accept", "{}", [Admin, W3a], "{grid3}"),
        Case("tickets: arrive on grid 1's", "POST", "/api/tickets/{grid1}/arrive", "{}", [Admin, W1a], "{grid1}"),
        Case("tickets: resolve grid 1's", "POST", "/api/tickets/{grid1}/resolve", "{}", [Admin, W1a], "{grid1}"),
        Case("tickets: return the department's", "POST", "/api/tickets/{municipal}/return", "{}", [Admin, Szss], "{municipal}"),
        Case("tickets: extension request on the department's", "POST", "/api/tickets/{municipal}/extension-request", "{}", [Admin, Szss], "{municipal}"),
        Case("tickets: classify", "POST", "/api/tickets/{grid3}/classify", "{}", [Admin, Operator], "{grid3}"),
        Case("tickets: verify grid 1's", "POST", "/api/tickets/{grid1}/verify", "{}", [Admin, Operator, W1a], "{grid1}"),
        Case("tickets: verify the department's", "POST", "/api/tickets/{municipal}/verify", "{}", [Admin, Operator], "{municipal}"),
        Case("tickets: supervise", "POST", "/api/tickets/{grid1}/supervise", "{}", [Admin, Commander], "{grid1}"),
        Case("evidence: photo on grid 1's ticket", "POST", "/api/tickets/{grid1}/photos", null, [Admin, W1a], "{grid1}"),

        Case("boards: city", "GET", "/api/boards/city", null, CityReaders),
        Case("boards: street", "GET", $"/api/boards/{TestCity.Street}", null, CityReaders),
        Case("boards: grid 1", "GET", $"/api/grids/{TestCity.Grid1}", null, [.. CityReaders, W1a]),

        Case("workers: w1a", "GET", "/api/workers/w1a", null, [.. CityReaders, W1a]),
        Case("workers: w1a's feed", "GET", "/api/workers/w1a/feed", null, [.. CityReaders, W1a]),
        Case("workers: w1a's duty", "PUT", "/api/workers/w1a/duty", "{}", [Admin, Commander, W1a]),

        Case("inspections: read w1a's patrol", "GET", "/api/inspections/{patrol}", null, [.. CityReaders, W1a]),
        Case("inspections: check in to w1a's patrol", "POST", "/api/inspections/{patrol}/checkpoint", "{}", [Admin, W1a]),
        Case("evidence: photo on w1a's patrol", "POST", "/api/inspections/{patrol}/photos", null, [Admin, W1a]),
        Case("inspections: schedule a verification", "POST", "/api/tickets/{grid1}/verification", "{}", [Admin, Operator, Commander], "{grid1}"),

        Case("kpis", "GET", "/api/kpis", null, [Admin, Commander, Assessor]),
        Case("kpis: scorecard", "GET", "/api/kpis/scorecard?period=2026-11", null, [Admin, Commander, Assessor]),
        Case("reports: list", "GET", "/api/reports", null, [Admin, Commander, Assessor]),
    ];

    public static TheoryData<string, string> Rows()
    {
        var rows = new TheoryData<string, string>();
        foreach (var access in Cases)
        {
            foreach (var user in RoleCity.Users)
            {
                rows.Add(access.Name, user);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Each_role_is_allowed_or_refused_per_endpoint_family(string caseName, string user)
    {
        var access = Cases.Single(c => c.Name == caseName);
        var ticket = access.Ticket is null ? null : Resolve(access.Ticket);
        var before = ticket is null ? 0 : await city.VersionAsync(ticket);

        using var request = new HttpRequestMessage(access.Method, Resolve(access.Path));
        if (access.Body is not null)
        {
            request.Content = new StringContent(access.Body, Encoding.UTF8, "application/json");
        }

        using var response = await city.Client(user).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        if (access.Allowed.Contains(user))
        {
            response.StatusCode.Should().NotBe(HttpStatusCode.Forbidden, "{0} may {1}: {2}", user, caseName, body)
                .And.NotBe(HttpStatusCode.Unauthorized);
            ((int)response.StatusCode).Should().BeLessThan(500, body);
        }
        else
        {
            var problem = await response.ProblemAsync(403);
            problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
        }

        if (ticket is not null)
        {
            (await city.VersionAsync(ticket)).Should().Be(before, "the incomplete body may never change the ticket, allowed or not");
        }
    }

    [Theory]
    [MemberData(nameof(AnonymousRows))]
    public async Task Without_a_sign_in_every_family_is_401_problem_json(string caseName)
    {
        var access = Cases.Single(c => c.Name == caseName);
        using var request = new HttpRequestMessage(access.Method, Resolve(access.Path));
        if (access.Body is not null)
        {
            request.Content = new StringContent(access.Body, Encoding.UTF8, "application/json");
        }

        using var anonymous = TestUsers.Client(city.Silo.Address, null);
        using var response = await anonymous.SendAsync(request);

        await response.ProblemAsync(401);
    }

    public static TheoryData<string> AnonymousRows()
    {
        var rows = new TheoryData<string>();
        foreach (var access in Cases)
        {
            rows.Add(access.Name);
        }

        return rows;
    }

    [Fact]
    public async Task A_grid_worker_lists_only_their_grids_tickets_and_a_unit_handler_only_their_units()
    {
        // The catalog follows the tickets' events: wait until the administrator sees all three.
        await Eventually.UntilAsync(
            async () => (await (await city.Silo.Http.GetAsync("/api/tickets")).JsonAsync()).GetProperty("total").GetInt32() == 3,
            "the catalog to list the three tickets");

        var worker = await (await city.Client(W1a).GetAsync("/api/tickets")).JsonAsync();
        var grids = worker.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("gridCode").GetString()).ToList();
        grids.Should().NotBeEmpty().And.OnlyContain(grid => grid == TestCity.Grid1);

        var handler = await (await city.Client(Szss).GetAsync("/api/tickets")).JsonAsync();
        handler.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal(city.MunicipalTicket);

        var other = await (await city.Client(Cgzf).GetAsync("/api/tickets")).JsonAsync();
        other.GetProperty("total").GetInt32().Should().Be(0);
    }

    private static AccessCase Case(string name, string method, string path, string? body, string[] allowed, string? ticket = null) =>
        new(name, new HttpMethod(method), path, body, allowed.ToHashSet(StringComparer.Ordinal), ticket);

    private string Resolve(string template) => template
        .Replace("{grid1}", city.Grid1Ticket, StringComparison.Ordinal)
        .Replace("{grid3}", city.Grid3Ticket, StringComparison.Ordinal)
        .Replace("{municipal}", city.MunicipalTicket, StringComparison.Ordinal)
        .Replace("{patrol}", city.Grid1Patrol, StringComparison.Ordinal);
}
