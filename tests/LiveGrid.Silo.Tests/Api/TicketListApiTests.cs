using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>GET /api/tickets: the catalog's filters, sorting and paging over HTTP.</summary>
public sealed class TicketListApiTests
{
    [Fact]
    public async Task Filters_narrow_by_territory_status_category_source_and_time_and_pages_cover_every_match_once()
    {
        await using var silo = await ApiSilo.StartAsync();
        var early1 = (await silo.ReceiveAsync(grid: 1)).Id();
        var early2 = (await silo.ReceiveAsync(grid: 1, category: "道路不洁", description: "路面油污")).Id();
        var early3 = (await silo.ReceiveAsync(grid: 2, source: "Online")).Id();
        silo.Time.Advance(TimeSpan.FromHours(1));
        var late1 = (await silo.ReceiveAsync(grid: 3)).Id();
        var late2 = (await silo.ReceiveAsync(grid: 4, category: "道路不洁", description: "落叶堆积")).Id();
        await silo.ActAsync(late1, "dispatch", new { actor = Actors.Dispatcher });
        string[] all = [early1, early2, early3, late1, late2];

        (await Ids(silo, "")).Should().Equal([late2, late1, early3, early2, early1], "newest first by default");
        (await Ids(silo, $"?grid={TestCity.Grid1}")).Should().BeEquivalentTo([early1, early2]);
        (await Ids(silo, $"?community={TestCity.Community1}")).Should().BeEquivalentTo([early1, early2, early3]);
        (await Ids(silo, $"?street={TestCity.Street}")).Should().BeEquivalentTo(all);
        (await Ids(silo, "?status=Dispatched")).Should().Equal(late1);
        (await Ids(silo, "?status=Dispatched&status=Classified")).Should().BeEquivalentTo(all);
        (await Ids(silo, $"?category={Uri.EscapeDataString("道路不洁")}")).Should().BeEquivalentTo([early2, late2]);
        (await Ids(silo, "?source=Online")).Should().Equal(early3);
        var half = Uri.EscapeDataString(ApiSilo.Start.AddMinutes(30).ToString("O"));
        (await Ids(silo, $"?from={half}")).Should().BeEquivalentTo([late1, late2]);
        (await Ids(silo, $"?to={half}")).Should().BeEquivalentTo([early1, early2, early3]);
        (await Ids(silo, "?overdue=true")).Should().BeEmpty();

        var pages = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var body = await Get(silo, $"?pageSize=2&page={page}");
            body.GetProperty("total").GetInt32().Should().Be(5);
            body.GetProperty("page").GetInt32().Should().Be(page);
            body.GetProperty("pageSize").GetInt32().Should().Be(2);
            pages.AddRange(body.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
        }

        pages.Should().Equal([late2, late1, early3, early2, early1]);
        (await Get(silo, "?pageSize=2&page=4")).GetProperty("items").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Bad_paging_and_unknown_filter_values_are_400()
    {
        await using var silo = await ApiSilo.StartAsync();

        (await (await silo.Http.GetAsync("/api/tickets?pageSize=501")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("pageSize", out _).Should().BeTrue();
        (await (await silo.Http.GetAsync("/api/tickets?page=0")).ProblemAsync(400)).GetProperty("errors").TryGetProperty("page", out _).Should().BeTrue();
        await (await silo.Http.GetAsync("/api/tickets?status=Lost")).ProblemAsync(400);
        await (await silo.Http.GetAsync("/api/tickets?from=yesterday")).ProblemAsync(400);
        (await silo.Http.GetAsync("/api/tickets?pageSize=500")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Overdue_tickets_are_found_once_their_clock_has_run_out()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync()).Id();
        await silo.DispatchAndAcceptAsync(id);

        // 暴露垃圾 is resolved within 4 working hours; a week later it is overdue.
        silo.Time.Advance(TimeSpan.FromDays(7));

        await silo.UntilAsync(async () => (await Ids(silo, "?overdue=true")).Contains(id), "the ticket is listed as overdue");
        (await Ids(silo, "?bucket=Overdue")).Should().Equal(id);
        (await Ids(silo, "?bucket=Under50")).Should().BeEmpty();
    }

    private static async Task<JsonElement> Get(ApiSilo silo, string query)
    {
        var response = await silo.Http.GetAsync($"/api/tickets{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static async Task<string[]> Ids(ApiSilo silo, string query) =>
        (await Get(silo, query)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!).ToArray();
}
