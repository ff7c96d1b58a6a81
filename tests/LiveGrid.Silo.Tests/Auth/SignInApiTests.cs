using System.Net;
using System.Net.Http.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Hosting;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>Sign-in: bearer tokens, the cookie, who am I, the users API, and tokens outliving a restart.</summary>
public sealed class SignInApiTests
{
    [Fact]
    public async Task The_token_endpoint_gives_a_bearer_token_and_refuses_a_wrong_password_with_401_problem_json()
    {
        await using var silo = await ApiSilo.StartAsync();
        using var anonymous = silo.Anonymous();

        var wrong = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = TestUsers.AdminUserName, password = "not-the-password" });
        (await wrong.ProblemAsync(401)).GetProperty("title").GetString().Should().Be("Sign-in failed.");
        var nobody = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = TestUsers.AdminPassword });
        await nobody.ProblemAsync(401);

        var right = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = TestUsers.AdminUserName.ToUpperInvariant(), password = TestUsers.AdminPassword });
        right.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = await right.JsonAsync();
        token.GetProperty("tokenType").GetString().Should().Be("Bearer");
        token.GetProperty("expiresIn").GetInt64().Should().BePositive();
        using var signedIn = TestUsers.Client(silo.Address, token.GetProperty("accessToken").GetString());
        var me = await (await signedIn.GetAsync("/api/auth/me")).JsonAsync();
        me.GetProperty("userName").GetString().Should().Be(TestUsers.AdminUserName);
        me.GetProperty("roles").Strings().Should().Equal(LiveGridRoles.Administrator);
    }

    [Fact]
    public async Task Without_a_sign_in_the_api_answers_401_problem_json_never_a_redirect_and_the_open_routes_stay_open()
    {
        await using var silo = await ApiSilo.StartAsync();
        using var anonymous = silo.Anonymous();
        using var browser = new HttpRequestMessage(HttpMethod.Get, "/api/tickets");
        browser.Headers.Accept.ParseAdd("application/json, text/html");

        var response = await anonymous.SendAsync(browser);

        await response.ProblemAsync(401);
        response.Headers.Location.Should().BeNull();
        (await anonymous.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/api/auth/me")).ProblemAsync(401);
        await (await anonymous.PostAsJsonAsync("/api/tickets", new { })).ProblemAsync(401);
        using var badToken = TestUsers.Client(silo.Address, "forged");
        await (await badToken.GetAsync("/api/tickets")).ProblemAsync(401);
    }

    [Fact]
    public async Task The_web_views_sign_in_with_a_cookie_and_sign_out()
    {
        await using var silo = await ApiSilo.StartAsync();
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var browser = new HttpClient(handler) { BaseAddress = silo.Address, Timeout = Eventually.Timeout };
        var operatorToken = await silo.SignInAsAsync(LiveGridRoles.Operator);
        var me = await (await TestUsers.Client(silo.Address, operatorToken).GetAsync("/api/auth/me")).JsonAsync();
        var userName = me.GetProperty("userName").GetString();

        var signIn = await browser.PostAsJsonAsync("/api/auth/signin", new { userName, password = TestUsers.Password });

        signIn.StatusCode.Should().Be(HttpStatusCode.OK);
        (await signIn.JsonAsync()).GetProperty("roles").Strings().Should().Equal(LiveGridRoles.Operator);
        handler.CookieContainer.GetCookies(silo.Address).Should().ContainSingle(cookie => cookie.Name == "LiveGrid.Auth" && cookie.HttpOnly);
        (await (await browser.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("userName").GetString().Should().Be(userName);
        (await browser.GetAsync("/api/boards/city")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await browser.GetAsync("/api/kpis")).ProblemAsync(403);

        (await browser.PostAsync("/api/auth/signout", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await browser.GetAsync("/api/auth/me")).ProblemAsync(401);
    }

    [Fact]
    public async Task The_administrator_creates_users_bound_to_real_workers_and_units_and_me_says_which()
    {
        await using var silo = await ApiSilo.StartAsync();

        var created = await silo.PostJsonAsync("/api/users", new { userName = "zhang1", password = TestUsers.Password, roles = new[] { "GridWorker" }, workerId = "w1a" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var again = await silo.PostJsonAsync("/api/users", new { userName = "ZHANG1", password = TestUsers.Password, roles = new[] { "GridWorker" }, workerId = "w1a" });
        await again.ProblemAsync(409);
        var unknown = await (await silo.PostJsonAsync("/api/users", new { userName = "ghost", password = TestUsers.Password, roles = new[] { "GridWorker" }, workerId = "w9z" })).ProblemAsync(400);
        unknown.GetProperty("errors").TryGetProperty("workerId", out _).Should().BeTrue();
        var unbound = await (await silo.PostJsonAsync("/api/users", new { userName = "nounit", password = TestUsers.Password, roles = new[] { "UnitHandler" } })).ProblemAsync(400);
        unbound.GetProperty("errors").TryGetProperty("unitId", out _).Should().BeTrue();
        var badRole = await (await silo.PostJsonAsync("/api/users", new { userName = "mayor", password = "short", roles = new[] { "Mayor" } })).ProblemAsync(400);
        badRole.GetProperty("errors").TryGetProperty("roles", out _).Should().BeTrue();
        badRole.GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();

        using var worker = TestUsers.Client(silo.Address, await TestUsers.TokenAsync(silo.Address, "zhang1", TestUsers.Password));
        var me = await (await worker.GetAsync("/api/auth/me")).JsonAsync();
        me.GetProperty("workerId").GetString().Should().Be("w1a");
        me.GetProperty("gridCode").GetString().Should().Be(TestCity.Grid1);
        var users = await (await silo.Http.GetAsync("/api/users")).JsonAsync();
        users.EnumerateArray().Select(u => u.GetProperty("userName").GetString()).Should().Contain(["zhang1", TestUsers.AdminUserName]);
        users.EnumerateArray().SelectMany(u => u.EnumerateObject().Select(p => p.Name)).Should().NotContain("passwordHash");
    }

    [Fact]
    public async Task Tokens_and_users_outlive_a_restart_because_users_and_keys_are_in_the_store()
    {
        using var data = new TempDirectory("auth-restart");
        var settings = InProcessSilo.Sqlite(data.Path);
        string token;
        await using (var first = await ApiSilo.StartAsync(settings: settings))
        {
            token = await first.SignInAsAsync(LiveGridRoles.Assessor);
        }

        await using var second = await ApiSilo.StartAsync(settings: settings);
        using var assessor = TestUsers.Client(second.Address, token);

        var me = await assessor.GetAsync("/api/auth/me");

        me.StatusCode.Should().Be(HttpStatusCode.OK, "the token was protected with keys stored beside the data");
        (await me.JsonAsync()).GetProperty("roles").Strings().Should().Equal(LiveGridRoles.Assessor);
    }

    [Fact]
    public async Task On_redis_the_keys_are_in_redis_too_so_a_token_outlives_a_restart()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = InProcessSilo.Redis(redis.ConnectionString, redis.NewKeyPrefix());
        string token;
        await using (var first = await ApiSilo.StartAsync(settings: settings))
        {
            token = await first.SignInAsAsync(LiveGridRoles.CommandCenter);
        }

        await using var second = await ApiSilo.StartAsync(settings: settings);
        using var commander = TestUsers.Client(second.Address, token);

        (await commander.GetAsync("/api/boards/city")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_test_clock_routes_are_the_administrators()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveGrid:Testing:ManualClock"] = "true",
            ["LiveGrid:Testing:ClockStart"] = ApiSilo.Start.ToString("O"),
        });
        using var commander = await silo.ClientAsAsync(LiveGridRoles.CommandCenter);

        await (await commander.PostAsJsonAsync("/api/testing/clock", new { advanceBy = "01:00:00" })).ProblemAsync(403);
        await (await commander.GetAsync("/api/testing/clock")).ProblemAsync(403);
        (await silo.Http.GetAsync("/api/testing/clock")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_demo_city_comes_with_a_user_per_role_bound_to_a_real_worker_and_unit()
    {
        await using var silo = await ApiSilo.StartAsync(withTerritory: false, new Dictionary<string, string?>
        {
            ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "true",
        });
        await silo.App.Services.GetRequiredService<LiveGridStartup>().Completion.WaitAsync(Eventually.Timeout);
        var city = silo.App.Services.GetRequiredService<LiveGrid.Grains.City.CityModel>().Territory;

        foreach (var (userName, role) in new[]
                 {
                     (DemoUsers.CommandCenter, LiveGridRoles.CommandCenter), (DemoUsers.Operator, LiveGridRoles.Operator),
                     (DemoUsers.UnitHandler, LiveGridRoles.UnitHandler), (DemoUsers.GridWorker, LiveGridRoles.GridWorker),
                     (DemoUsers.Assessor, LiveGridRoles.Assessor), (DemoUsers.Administrator, LiveGridRoles.Administrator),
                 })
        {
            using var client = TestUsers.Client(silo.Address, await TestUsers.TokenAsync(silo.Address, userName, AuthOptions.DefaultDemoPassword));
            var me = await (await client.GetAsync("/api/auth/me")).JsonAsync();
            me.GetProperty("roles").Strings().Should().Equal(role);
            if (role == LiveGridRoles.GridWorker)
            {
                city.FindWorker(me.GetProperty("workerId").GetString()!).Should().NotBeNull();
                me.GetProperty("gridCode").GetString().Should().NotBeNullOrEmpty();
            }

            if (role == LiveGridRoles.UnitHandler)
            {
                city.FindUnit(me.GetProperty("unitId").GetString()!).Should().NotBeNull();
            }
        }
    }

    [Theory]
    [InlineData("admin", null)]
    [InlineData("admin", "short")]
    public void A_bootstrap_administrator_without_a_usable_password_stops_the_host(string userName, string? password)
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Memory",
            ["LiveGrid:Auth:BootstrapAdmin:UserName"] = userName,
            ["LiveGrid:Auth:BootstrapAdmin:Password"] = password,
        });

        build.Should().Throw<LiveGridConfigurationException>().WithMessage("*BootstrapAdmin*");
    }
}
