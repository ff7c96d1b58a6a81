using System.Net;
using System.Text;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Reports;

/// <summary>Reports over HTTP on the real host and the folder blob store: generate, list, download, refusals.</summary>
public sealed class ReportApiTests : IAsyncLifetime
{
    private readonly TempDirectory _blobs = new("reports");
    private ApiSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
    {
        ["LiveGrid:Blobs:Provider"] = "Folder",
        ["LiveGrid:Blobs:Folder:RootDirectory"] = _blobs.Path,
    });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _blobs.Dispose();
    }

    [Fact]
    public async Task The_daily_report_of_a_closed_ticket_matches_the_kpis_as_csv_with_a_bom_and_as_inert_html()
    {
        var silo = _silo;
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.DispatchAndAcceptAsync(id);
        await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") });
        await silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        await silo.ActAsync(id, "close", new { actor = Actors.Operator, note = "无需回访" });

        var early = await silo.Http.PostAsync("/api/reports/daily?period=2026-11-23", null);
        (await early.ProblemAsync(400)).GetProperty("errors").TryGetProperty("period", out _).Should().BeTrue("the day is not over");

        await silo.AdvanceToAsync(ApiSilo.Start.AddDays(1));
        var created = await silo.Http.PostAsync("/api/reports/daily?period=2026-11-23", null);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().Should().Be("/api/reports/daily/2026-11-23.html");
        (await created.JsonAsync()).GetProperty("formats").Strings().Should().Equal("csv", "html");

        var again = await silo.Http.PostAsync("/api/reports/daily?period=2026-11-23", null);
        again.StatusCode.Should().Be(HttpStatusCode.OK, "a report, once made, is returned, not made again");

        var kpis = await (await silo.Http.GetAsync("/api/kpis?from=2026-11-23&to=2026-11-24")).JsonAsync();

        var csv = await silo.Http.GetAsync("/api/reports/daily/2026-11-23.csv");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        csv.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var rows = text.Split("\r\n");
        rows[0].Should().Contain("日报").And.Contain("2026-11-23");
        foreach (var name in new[] { "onTimeResolution", "resolution", "immediateResolution", "rework", "satisfaction", "patrolCoverage" })
        {
            var rate = kpis.GetProperty(name);
            var expected = $"{name},{rate.GetProperty("label").GetString()!.Split(" = ")[0]},{rate.GetProperty("numerator").GetInt32()},{rate.GetProperty("denominator").GetInt32()},";
            rows.Should().Contain(r => r.StartsWith(expected, StringComparison.Ordinal), $"the CSV carries {name} as GET /api/kpis does");
        }

        rows.Should().Contain(r => r.StartsWith("resolution,结案率,1,1,1,", StringComparison.Ordinal));
        rows.Should().Contain(r => r.StartsWith($"1,街道按期办结率排名,{TestCity.Street},", StringComparison.Ordinal));

        var html = await silo.Http.GetAsync("/api/reports/daily/2026-11-23.html");
        html.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        html.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'");
        var page = await html.Content.ReadAsStringAsync();
        page.Should().Contain("日报").And.Contain("结案率").And.Contain("100.00%").And.Contain("@media print");
        page.Should().NotContainEquivalentOf("<script").And.NotContain("src=").And.NotContain("href=");

        var list = await (await silo.Http.GetAsync("/api/reports")).JsonAsync();
        var item = list.EnumerateArray().Single();
        item.GetProperty("kind").GetString().Should().Be("daily");
        item.GetProperty("period").GetString().Should().Be("2026-11-23");
        item.GetProperty("formats").Strings().Should().Equal("csv", "html");
        item.GetProperty("size").GetInt64().Should().Be(bytes.Length + Encoding.UTF8.GetByteCount(page));
    }

    [Theory]
    [InlineData("/api/reports/yearly?period=2025", "kind")]
    [InlineData("/api/reports/daily?period=23.11.2026", "period")]
    [InlineData("/api/reports/monthly?period=2026-13", "period")]
    [InlineData("/api/reports/weekly?period=2026-W60", "period")]
    [InlineData("/api/reports/monthly?period=2026-11", "period")]
    [InlineData("/api/reports/quarterly?period=2026-Q4", "period")]
    public async Task Bad_or_unfinished_periods_are_400_problems(string path, string field)
    {
        var problem = await (await _silo.Http.PostAsync(path, null)).ProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.ToString());
    }

    [Theory]
    [InlineData("/api/reports/daily/2026-11-22.csv")]
    [InlineData("/api/reports/daily/2026-11-22.pdf")]
    [InlineData("/api/reports/yearly/2026.csv")]
    public async Task A_report_never_made_is_404(string path)
    {
        (await _silo.Http.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Last_months_bulletin_ranks_streets_and_communities_and_last_quarters_assessment_scores_units()
    {
        var id = (await _silo.ReceiveAsync(grid: 3)).Id();
        await _silo.DispatchAndAcceptAsync(id, grid: 3);

        var monthly = await _silo.Http.PostAsync("/api/reports/monthly", null);
        monthly.StatusCode.Should().Be(HttpStatusCode.Created, await monthly.Content.ReadAsStringAsync());
        (await monthly.JsonAsync()).GetProperty("period").GetString().Should().Be("2026-10");
        var csv = await _silo.Http.GetStringAsync("/api/reports/monthly/2026-10.csv");
        csv.Should().Contain("月度通报").And.Contain($"社区按期办结率排名,{TestCity.Community1},");

        var quarterly = await _silo.Http.PostAsync("/api/reports/quarterly", null);
        (await quarterly.JsonAsync()).GetProperty("period").GetString().Should().Be("2026-Q3");
        var weekly = await _silo.Http.PostAsync("/api/reports/weekly", null);
        (await weekly.JsonAsync()).GetProperty("period").GetString().Should().Be("2026-W47");
    }
}
