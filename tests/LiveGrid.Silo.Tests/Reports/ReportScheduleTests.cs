using System.Net;
using LiveGrid.Blobs;
using LiveGrid.Silo.Reports;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Reports;

/// <summary>The report scheduler on the manual clock: the due reports appear at the configured local time, once.</summary>
public sealed class ReportScheduleTests : IAsyncLifetime
{
    private readonly TempDirectory _blobs = new("reports");
    private ApiSilo _silo = null!;

    private IBlobStore Store => _silo.App.Services.GetRequiredService<IBlobStore>();

    public async Task InitializeAsync() => _silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
    {
        ["LiveGrid:Blobs:Provider"] = "Folder",
        ["LiveGrid:Blobs:Folder:RootDirectory"] = _blobs.Path,
        ["LiveGrid:Reports:Scheduled"] = "true",
        ["LiveGrid:Reports:DailyAt"] = "06:00",
    });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        _blobs.Dispose();
    }

    [Fact]
    public async Task Past_six_local_the_daily_report_exists_and_on_the_first_of_the_month_the_bulletin_too()
    {
        // Start: Monday 2026-11-23 09:30 Beijing, past today's 06:00: nothing is made until tomorrow's.
        (await Names()).Should().BeEmpty();

        await _silo.AdvanceToAsync(new DateTimeOffset(2026, 11, 23, 21, 59, 0, TimeSpan.Zero)); // 05:59 on the 24th
        (await Names()).Should().BeEmpty("06:00 has not come");

        await _silo.AdvanceToAsync(new DateTimeOffset(2026, 11, 23, 22, 0, 5, TimeSpan.Zero)); // 06:00:05 on the 24th
        await Eventually.UntilAsync(async () => (await Names()).Count == 2, "the daily report is stored");
        (await Names()).Should().Equal("daily/2026-11-23.csv", "daily/2026-11-23.html");
        var first = (await Store.GetPropertiesAsync(ReportService.Container, "daily/2026-11-23.csv"))!.ETag;

        // Tuesday 1 December 06:00: yesterday's daily and November's bulletin; the 23rd's report is not made again.
        await _silo.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 22, 0, 5, TimeSpan.Zero));
        await Eventually.UntilAsync(async () => (await Names()).Contains("monthly/2026-11.html"), "the monthly bulletin is stored");
        (await Names()).Should().Contain(["daily/2026-11-30.csv", "daily/2026-11-29.html", "weekly/2026-W48.csv", "monthly/2026-11.csv"]);
        (await Store.GetPropertiesAsync(ReportService.Container, "daily/2026-11-23.csv"))!.ETag.Should().Be(first);

        var bulletin = await _silo.Http.GetAsync("/api/reports/monthly/2026-11.html");
        bulletin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await bulletin.Content.ReadAsStringAsync()).Should().Contain("月度通报");
    }

    private async Task<List<string>> Names() => [.. (await _silo.App.Services.GetRequiredService<ReportService>().ListAsync()).Select(b => b.Name)];
}
