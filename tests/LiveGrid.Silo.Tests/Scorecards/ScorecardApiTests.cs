using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Scorecards;

/// <summary>GET /api/kpis/scorecard and the quarterly assessment's scorecard on the real host, from a small history.</summary>
public sealed class ScorecardApiTests : IAsyncLifetime
{
    private ApiSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _silo = await ApiSilo.StartAsync();
        // w1a's ticket: accepted and resolved at once (on time), then a verification fails (核查不合格) and holds it.
        var id = (await _silo.ReceiveAsync(grid: 1)).Id();
        await _silo.DispatchAndAcceptAsync(id);
        await _silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        await _silo.ActAsync(id, "verify", new { actor = new { id = "w1c", role = "Inspector", name = "王1" }, passed = false, note = "仍有垃圾" });
    }

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_workers_quarter_shows_points_per_item_and_their_total()
    {
        var response = await _silo.Http.GetAsync("/api/kpis/scorecard?period=2026-Q4&scope=worker:w1a");
        var body = await response.JsonAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body.ToString());
        body.GetProperty("from").GetString().Should().Be("2026-10-01");
        body.GetProperty("to").GetString().Should().Be("2027-01-01");
        body.GetProperty("items").GetArrayLength().Should().Be(9);
        body.GetProperty("areas").GetArrayLength().Should().Be(0, "a worker scope has no roll-ups");
        var worker = body.GetProperty("workers").EnumerateArray().Single();
        worker.GetProperty("code").GetString().Should().Be("w1a");
        var items = worker.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        // Due this quarter and resolved by its deadline: 1/1 → 250; accepted within the limit: 1/1 → 150.
        Points(items["onTime"]).Should().Be(250);
        Points(items["response"]).Should().Be(150);
        // Not rated: nothing to fail → 150. One failed verification: 50 − 10 = 40. No overdue, no rework: 50 each.
        Points(items["satisfaction"]).Should().Be(150);
        Points(items["failedVerifications"]).Should().Be(40);
        items["failedVerifications"].GetProperty("count").GetInt32().Should().Be(1);
        Points(items["overdue"]).Should().Be(50);
        Points(items["rework"]).Should().Be(50);
        worker.GetProperty("total").GetDouble().Should().Be(Math.Round(items.Values.Sum(Points), 2));
    }

    [Fact]
    public async Task The_city_scores_every_worker_and_rolls_up_per_street_community_and_grid()
    {
        var body = await (await _silo.Http.GetAsync("/api/kpis/scorecard?from=2026-11-01&to=2026-12-01")).JsonAsync();

        body.GetProperty("workers").GetArrayLength().Should().Be(12);
        body.GetProperty("areas").EnumerateArray().Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("code").GetString())).Should().Equal(
            ("Street", TestCity.Street), ("Community", TestCity.Community1), ("Grid", TestCity.Grid1), ("Grid", TestCity.Grid2),
            ("Community", TestCity.Community2), ("Grid", TestCity.Grid3), ("Grid", TestCity.Grid4));
        body.GetProperty("workers").EnumerateArray().Last().GetProperty("code").GetString().Should().Be("w1a", "only w1a lost points for a failed verification");
    }

    [Theory]
    [InlineData("/api/kpis/scorecard?scope=city", "period")]
    [InlineData("/api/kpis/scorecard?period=2026-Q5", "period")]
    [InlineData("/api/kpis/scorecard?from=2026-11-01", "to")]
    [InlineData("/api/kpis/scorecard?period=2026-Q4&scope=worker:nobody", "scope")]
    [InlineData("/api/kpis/scorecard?period=2026-Q4&scope=unit:grid:110101001001001", "scope")]
    public async Task Bad_periods_and_scopes_are_400_problems(string path, string field)
    {
        var problem = await (await _silo.Http.GetAsync(path)).ProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Fact]
    public async Task The_quarterly_assessment_carries_the_scorecard_and_takes_a_fifth_of_a_point_per_failed_verification_from_the_unit()
    {
        var reports = _silo.App.Services.GetRequiredService<ReportService>();

        var quarter = await reports.GatherAsync(ReportPeriod.Of(ReportKind.Quarterly, new DateOnly(2026, 11, 23)));

        // The grid unit: 100% on time → 50, one failed verification → 49.8.
        quarter.Rankings.Single(r => r.Section == "承办单位考核得分" && r.Code == $"grid:{TestCity.Grid1}").Score.Should().Be(49.8);
        quarter.Scorecard.Should().NotBeNull();
        var w1a = quarter.Scorecard!.Workers.Single(w => w.Code == "w1a");
        var csv = System.Text.Encoding.UTF8.GetString(ReportBuilder.Csv(quarter));
        csv.Should().Contain("网格员千分制考核\r\n排名,类别,代码,名称,人数,按期办结（250）,");
        csv.Should().Contain($",网格员,w1a,张1,1,{string.Join(",", w1a.Items.Select(i => i.Points.ToString(System.Globalization.CultureInfo.InvariantCulture)))},{w1a.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n");
        csv.Should().Contain($",街道平均,{TestCity.Street},");
        var html = System.Text.Encoding.UTF8.GetString(ReportBuilder.Html(quarter));
        html.Should().Contain("<h2>网格员千分制考核</h2>").And.Contain("核查不合格（50）").And.Contain("<td>w1a</td>");
    }

    private static double Points(JsonElement item) => item.GetProperty("points").GetDouble();
}
