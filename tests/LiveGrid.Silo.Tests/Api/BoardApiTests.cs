using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>The boards over HTTP follow the tickets: grid, street and city.</summary>
public sealed class BoardApiTests
{
    [Fact]
    public async Task Boards_show_a_new_ticket_in_its_grid_street_and_city_and_drop_it_once_closed()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.DispatchAndAcceptAsync(id);

        await silo.UntilAsync(async () => OpenTickets(await Board(silo, $"/api/grids/{TestCity.Grid1}")).Contains(id), "the grid board lists the ticket");
        var grid = await Board(silo, $"/api/grids/{TestCity.Grid1}");
        grid.GetProperty("name").GetString().Should().Be("第1网格");
        grid.GetProperty("counters").GetProperty("open").GetInt32().Should().Be(1);
        grid.GetProperty("counters").GetProperty("byStatus").GetProperty("Accepted").GetInt32().Should().Be(1);
        (await Board(silo, $"/api/grids/{TestCity.Grid2}")).GetProperty("counters").GetProperty("open").GetInt32().Should().Be(0);

        await silo.UntilAsync(async () => Open(await Board(silo, "/api/boards/city")) == 1, "the city board counts the ticket");
        var street = await Board(silo, $"/api/boards/{TestCity.Street}");
        street.GetProperty("name").GetString().Should().Be("东华门街道");
        Open(street).Should().Be(1);
        Open(await Board(silo, $"/api/boards/{TestCity.District}")).Should().Be(1);

        await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") });
        await silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        await silo.ActAsync(id, "close", new { actor = Actors.Operator, note = "无需回访" });

        await silo.UntilAsync(async () => Open(await Board(silo, "/api/boards/city")) == 0, "the city board no longer counts the closed ticket");
        OpenTickets(await Board(silo, $"/api/grids/{TestCity.Grid1}")).Should().BeEmpty();
    }

    [Fact]
    public async Task Codes_outside_the_territory_or_without_a_board_are_404()
    {
        await using var silo = await ApiSilo.StartAsync();

        await (await silo.Http.GetAsync("/api/grids/110101001001009")).ProblemAsync(404);
        await (await silo.Http.GetAsync("/api/grids/not-a-grid")).ProblemAsync(404);
        await (await silo.Http.GetAsync("/api/boards/110102001")).ProblemAsync(404);
        await (await silo.Http.GetAsync($"/api/boards/{TestCity.Community1}")).ProblemAsync(404);
        await (await silo.Http.GetAsync($"/api/boards/{TestCity.Grid1}")).ProblemAsync(404);
    }

    private static async Task<JsonElement> Board(ApiSilo silo, string path)
    {
        var response = await silo.Http.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static int Open(JsonElement board) => board.GetProperty("counters").GetProperty("open").GetInt32();

    private static string[] OpenTickets(JsonElement grid) =>
        grid.GetProperty("openTickets").EnumerateArray().Select(ticket => ticket.GetProperty("id").GetString()!).ToArray();
}
