using System.Text;
using LiveGrid.Grains.Kpis;
using LiveGrid.Silo.Reports;
using Microsoft.Extensions.Options;

namespace LiveGrid.Silo.Tests.Reports;

/// <summary>The report writers and the quarterly scoring, on a constructed report.</summary>
public sealed class ReportBuilderTests
{
    private static readonly DateOnly Day = new(2026, 11, 23);

    [Fact]
    public void Csv_quotes_commas_and_quotes_and_round_trips_chinese_after_the_bom()
    {
        var city = KpiEngine.Compute(TimeZoneInfo.Utc, Day, Day.AddDays(1), KpiScope.City, []);
        var content = new ReportContent(ReportPeriod.Of(ReportKind.Weekly, Day), "东城区", city,
            [new ReportRanking(1, "热点网格（受理件数）", "110101001001001", "和平里\"一\",网格", 3, 4, 0.75, null)], DateTimeOffset.UnixEpoch);

        var bytes = ReportBuilder.Csv(content);

        bytes.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        var text = new UTF8Encoding(true).GetString(bytes, 3, bytes.Length - 3);
        text.Should().StartWith("东城区周报,2026-W48,");
        text.Should().Contain("1,热点网格（受理件数）,110101001001001,\"和平里\"\"一\"\",网格\",3,4,0.75,\r\n");

        var html = Encoding.UTF8.GetString(ReportBuilder.Html(content));
        html.Should().Contain("和平里&quot;一&quot;,网格").And.Contain("75.00%").And.NotContain("<script");
    }

    [Theory]
    [InlineData(0.95, 50)]
    [InlineData(0.70, 50)]
    [InlineData(0.65, 45)]
    [InlineData(0.0, 0)]
    public void Units_at_or_above_seventy_percent_score_fifty_and_lose_a_point_per_point_below(double rate, double score)
    {
        Service().Score(rate).Should().Be(score);
    }

    [Theory]
    // 50 − 2 × 0.2 = 49.6.
    [InlineData(0.95, 2, 49.6)]
    // 45 (five points below 70%) − 3 × 0.2 = 44.4.
    [InlineData(0.65, 3, 44.4)]
    // No due work: full on-time points, still −0.2 for the failed verification.
    [InlineData(null, 1, 49.8)]
    // 50 − 250 × 0.2 = 0; one more stays at 0.
    [InlineData(0.80, 250, 0)]
    [InlineData(0.80, 251, 0)]
    // 0 on time already: nothing left to take.
    [InlineData(0.0, 5, 0)]
    public void Each_failed_verification_takes_a_fifth_of_a_point_never_below_zero(double? rate, int failed, double score)
    {
        Service().Score(rate, failed).Should().Be(score);
    }

    private static ReportService Service() =>
        new(null!, null!, null!, TimeProvider.System, Options.Create(new ReportOptions()), LiveGrid.Grains.Scorecards.Scorecard.Default);

    [Theory]
    [InlineData(ReportKind.Daily, "2026-11-23", "2026-11-23", "2026-11-24")]
    [InlineData(ReportKind.Weekly, "2026-W48", "2026-11-23", "2026-11-30")]
    [InlineData(ReportKind.Monthly, "2026-02", "2026-02-01", "2026-03-01")]
    [InlineData(ReportKind.Quarterly, "2026-Q4", "2026-10-01", "2027-01-01")]
    public void Periods_parse_to_their_local_days(ReportKind kind, string name, string from, string to)
    {
        ReportPeriod.TryParse(kind, name, out var period).Should().BeTrue();

        (period.From, period.To, period.Name).Should().Be((DateOnly.Parse(from), DateOnly.Parse(to), name));
    }
}
