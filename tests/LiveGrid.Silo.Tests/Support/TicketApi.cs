using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;

namespace LiveGrid.Silo.Tests.Support;

/// <summary>Ticket steps over HTTP that several tests share; each asserts its own success.</summary>
internal static class TicketApi
{
    /// <summary>Takes in a classified 暴露垃圾 ticket at the centre of grid <paramref name="grid"/> (1-4); returns its view.</summary>
    public static async Task<JsonElement> ReceiveAsync(
        this ApiSilo silo, int grid = 1, string category = "暴露垃圾", string description = "小区东门暴露垃圾无人清运", string source = "Hotline")
    {
        var (longitude, latitude) = TestCity.Centre(grid);
        var response = await silo.PostJsonAsync("/api/tickets", new
        {
            actor = Actors.Operator,
            description,
            source,
            callerName = "陈女士",
            callerPhone = "13812345678",
            address = $"第{grid}网格东门",
            longitude,
            latitude,
            category,
            priority = "Normal",
            kind = "Complaint",
        });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, body);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static string Id(this JsonElement view) => view.GetProperty("summary").GetProperty("id").GetString()!;

    public static int Version(this JsonElement view) => view.GetProperty("summary").GetProperty("version").GetInt32();

    public static string Status(this JsonElement view) => view.GetProperty("summary").GetProperty("status").GetString()!;

    /// <summary>Performs an action and expects 200; returns the new view.</summary>
    public static async Task<JsonElement> ActAsync(this ApiSilo silo, string ticketId, string action, object body)
    {
        var response = await silo.PostJsonAsync($"/api/tickets/{ticketId}/{action}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should be applied, but the answer was {1}", action, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Received → Dispatched (by the routing table) → Accepted by the grid's leader.</summary>
    public static async Task<JsonElement> DispatchAndAcceptAsync(this ApiSilo silo, string ticketId, int grid = 1)
    {
        await silo.ActAsync(ticketId, "dispatch", new { actor = Actors.Dispatcher });
        return await silo.ActAsync(ticketId, "accept", new { actor = Actors.Worker($"w{grid}a") });
    }
}
