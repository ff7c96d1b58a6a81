using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Reports;

/// <summary>The rankings a report gathers from a small history on the real host.</summary>
public sealed class ReportContentTests
{
    [Fact]
    public async Task The_weeks_hotspots_rank_grids_by_tickets_received_and_the_quarter_scores_the_lead_units()
    {
        await using var silo = await ApiSilo.StartAsync();
        var resolved = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.ReceiveAsync(grid: 1);
        await silo.ReceiveAsync(grid: 3);
        await silo.DispatchAndAcceptAsync(resolved);
        await silo.ActAsync(resolved, "arrive", new { actor = Actors.Worker("w1a") });
        await silo.ActAsync(resolved, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        var reports = silo.App.Services.GetRequiredService<ReportService>();
        var day = new DateOnly(2026, 11, 23);

        var week = await reports.GatherAsync(ReportPeriod.Of(ReportKind.Weekly, day));

        var hotspots = week.Rankings.Where(r => r.Section.StartsWith("热点网格", StringComparison.Ordinal)).ToList();
        hotspots.Select(r => (r.Rank, r.Code, r.Numerator, r.Denominator)).Should().Equal(
            (1, TestCity.Grid1, 2, 3), (2, TestCity.Grid3, 1, 3));
        week.City.Board.Received.Should().Be(3);

        var quarter = await reports.GatherAsync(ReportPeriod.Of(ReportKind.Quarterly, day));
        var units = quarter.Rankings.Where(r => r.Section == "承办单位考核得分").ToList();
        units.Should().NotBeEmpty().And.OnlyContain(r => r.Score == 50, "no unit is below 70% on time");
        var csv = System.Text.Encoding.UTF8.GetString(ReportBuilder.Csv(quarter));
        csv.Should().Contain("承办单位考核得分").And.Contain(",50\r\n");
    }
}
