using System.Net;
using System.Text;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>The city's configuration as clients read it: categories, SLA table, business calendar.</summary>
public sealed class MetaApiTests
{
    [Fact]
    public async Task Categories_come_as_utf8_chinese_with_their_routing()
    {
        await using var silo = await ApiSilo.StartAsync();

        var response = await silo.Http.GetAsync("/api/meta/categories");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(bytes).Should().Contain("\"code\":\"暴露垃圾\"", "names are UTF-8 text, not \\u escapes");
        var categories = await response.JsonAsync();
        categories.EnumerateArray().Should().Contain(category =>
            category.GetProperty("code").GetString() == "施工扰民" && category.GetProperty("routeTo").GetString() == "dept:cgzf");
    }

    [Fact]
    public async Task Sla_rules_write_limits_as_the_rules_state_them()
    {
        await using var silo = await ApiSilo.StartAsync();

        var rules = await (await silo.Http.GetAsync("/api/meta/sla-rules")).JsonAsync();

        rules.GetArrayLength().Should().BePositive();
        rules.EnumerateArray().Should().Contain(rule =>
            rule.GetProperty("category").GetString() == "暴露垃圾" && rule.GetProperty("resolve").GetString()!.EndsWith("wh"));
    }

    [Fact]
    public async Task The_calendar_of_2026_knows_the_spring_festival_and_its_make_up_days()
    {
        await using var silo = await ApiSilo.StartAsync();

        var calendar = await (await silo.Http.GetAsync("/api/meta/calendar?year=2026")).JsonAsync();

        calendar.GetProperty("timeZone").GetString().Should().Be("Asia/Shanghai");
        calendar.GetProperty("hasHolidayData").GetBoolean().Should().BeTrue();
        var days = calendar.GetProperty("days").EnumerateArray().ToArray();
        days.Should().HaveCount(365);
        days.Should().Contain(day => day.GetProperty("holiday").GetString() == "春节" && !day.GetProperty("isWorkingDay").GetBoolean());
        days.Should().Contain(day => day.GetProperty("makeUpWorkingDayFor").GetString() != null && day.GetProperty("isWorkingDay").GetBoolean());

        await (await silo.Http.GetAsync("/api/meta/calendar?year=1066")).ProblemAsync(400);
        await (await silo.Http.GetAsync("/api/meta/calendar?year=next")).ProblemAsync(400);
    }
}
