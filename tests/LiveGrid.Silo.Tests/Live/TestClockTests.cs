using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>The test-only clock routes: absent by default; with LiveGrid:Testing:ManualClock they move the host's clock.</summary>
public sealed class TestClockTests
{
    [Fact]
    public async Task The_clock_routes_do_not_exist_unless_enabled()
    {
        await using var silo = await ApiSilo.StartAsync();

        (await silo.Http.GetAsync("/api/testing/clock")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await silo.PostJsonAsync("/api/testing/clock", new { advanceBy = "01:00:00" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Moving_the_enabled_clock_turns_a_ticket_overdue_and_the_delta_arrives()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveGrid:Testing:ManualClock"] = "true",
            ["LiveGrid:Testing:ClockStart"] = ApiSilo.Start.ToString("O"),
        });
        (await ReadNowAsync(await silo.Http.GetAsync("/api/testing/clock"))).Should().Be(ApiSilo.Start);
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await using var client = await LiveClient.ConnectAsync(silo);
        await client.SubscribeAsync($"ticket:{id}");

        var moved = await silo.PostJsonAsync("/api/testing/clock", new { advanceBy = "1.00:00:00" });

        (await ReadNowAsync(moved)).Should().Be(ApiSilo.Start.AddDays(1));
        await client.WaitForAsync(
            d => d.Type == "ticketAgingChanged" && d.Event.GetProperty("bucket").GetString() == "Overdue",
            "the ticket's overdue delta");
        var ticket = await silo.Http.GetFromJsonAsync<JsonElement>($"/api/tickets/{id}");
        ticket.GetProperty("summary").GetProperty("bucket").GetString().Should().Be("Overdue");
    }

    [Fact]
    public async Task The_clock_only_moves_forward()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?> { ["LiveGrid:Testing:ManualClock"] = "true" });

        var response = await silo.PostJsonAsync("/api/testing/clock", new { to = "2001-01-01T00:00:00Z" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static async Task<DateTimeOffset> ReadNowAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("now").GetDateTimeOffset();
    }
}
