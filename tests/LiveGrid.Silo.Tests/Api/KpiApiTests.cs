using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>GET /api/kpis: the report of a period and scope from the audit trails, and problem+json for bad input.</summary>
public sealed class KpiApiTests
{
    [Fact]
    public async Task A_ticket_closed_today_shows_in_the_days_report_for_the_city_its_grid_and_its_worker()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.DispatchAndAcceptAsync(id);
        await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") });
        await silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        await silo.ActAsync(id, "close", new { actor = Actors.Operator, note = "无需回访" });

        foreach (var scope in new[] { "city", TestCity.Grid1, TestCity.District })
        {
            var report = await Report(silo, $"/api/kpis?from=2026-11-23&to=2026-11-24&scope={scope}");
            report.GetProperty("scope").GetString().Should().Be(scope);
            Rate(report, "resolution").Should().Be((1, 1, 1.0), scope);
            Rate(report, "immediateResolution").Should().Be((1, 1, 1.0), scope);
            Rate(report, "rework").Should().Be((0, 1, 0.0), scope);
            Rate(report, "satisfaction").Should().Be((0, 0, null), scope);
            report.GetProperty("board").GetProperty("closed").GetInt32().Should().Be(1, scope);
        }

        // Patrols: the day's coverage agrees with the city board's patrol tiles (the scheduler planned today's patrols at start).
        var city = await silo.Http.GetAsync("/api/boards/city");
        var counters = (await city.JsonAsync()).GetProperty("counters");
        var today = await Report(silo, "/api/kpis?from=2026-11-23&to=2026-11-24");
        var coverage = Rate(today, "patrolCoverage");
        coverage.Denominator.Should().Be(counters.GetProperty("patrolsScheduledToday").GetInt32()).And.BeGreaterThan(0);
        coverage.Numerator.Should().Be(counters.GetProperty("patrolsCompletedToday").GetInt32());

        var elsewhere = await Report(silo, $"/api/kpis?from=2026-11-23&to=2026-11-24&scope={TestCity.Grid2}");
        Rate(elsewhere, "resolution").Should().Be((0, 0, null));
        var dayBefore = await Report(silo, "/api/kpis?from=2026-11-22&to=2026-11-23");
        dayBefore.GetProperty("tickets").GetInt32().Should().Be(0, "a ticket received on the 23rd is not read for the 22nd");
    }

    [Theory]
    [InlineData("/api/kpis?to=2026-11-24", "from")]
    [InlineData("/api/kpis?from=2026-11-23&to=24.11.2026", "to")]
    [InlineData("/api/kpis?from=2026-02-30&to=2026-03-02", "from")]
    [InlineData("/api/kpis?from=2026-11-24&to=2026-11-23", "to")]
    [InlineData("/api/kpis?from=2025-01-01&to=2026-11-23", "to")]
    [InlineData("/api/kpis?from=2026-11-23&to=2026-11-24&scope=town", "scope")]
    [InlineData("/api/kpis?from=2026-11-23&to=2026-11-24&scope=110102", "scope")]
    [InlineData("/api/kpis?from=2026-11-23&to=2026-11-24&scope=unit:nobody", "scope")]
    [InlineData("/api/kpis?from=2026-11-23&to=2026-11-24&scope=worker:w9z", "scope")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string path, string field)
    {
        await using var silo = await ApiSilo.StartAsync();

        var problem = await (await silo.Http.GetAsync(path)).ProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    private static async Task<JsonElement> Report(ApiSilo silo, string path)
    {
        var response = await silo.Http.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static (int Numerator, int Denominator, double? Rate) Rate(JsonElement report, string name)
    {
        var rate = report.GetProperty(name);
        return (rate.GetProperty("numerator").GetInt32(), rate.GetProperty("denominator").GetInt32(),
            rate.GetProperty("rate").ValueKind == JsonValueKind.Null ? null : rate.GetProperty("rate").GetDouble());
    }
}
