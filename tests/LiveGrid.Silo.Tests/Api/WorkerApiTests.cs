using System.Net;
using System.Text.Json;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>A grid worker's view, duty and feed over HTTP.</summary>
public sealed class WorkerApiTests
{
    [Fact]
    public async Task A_dispatched_ticket_reaches_the_workers_feed_and_assignments_and_the_feed_pages_by_sequence()
    {
        await using var silo = await ApiSilo.StartAsync();
        var first = (await silo.ReceiveAsync(grid: 1)).Id();
        var second = (await silo.ReceiveAsync(grid: 1, description: "楼道堆物")).Id();
        await silo.ActAsync(first, "dispatch", new { actor = Actors.Dispatcher });
        await silo.ActAsync(second, "dispatch", new { actor = Actors.Dispatcher });

        await silo.UntilAsync(async () => Assigned(await Feed(silo, "w1a", "")).Length == 2, "both assignments are in w1a's feed");
        var feed = await Feed(silo, "w1a", "");
        Assigned(feed).Should().Equal(first, second);
        var sequences = feed.EnumerateArray().Select(entry => entry.GetProperty("sequence").GetInt64()).ToArray();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        feed.EnumerateArray().First(entry => entry.GetProperty("ticketId").GetString() == first)
            .GetProperty("title").GetString().Should().Contain("新工单");

        var afterFirst = await Feed(silo, "w1a", $"?after={sequences[0]}&max=1");
        afterFirst.EnumerateArray().Should().ContainSingle().Which.GetProperty("sequence").GetInt64().Should().Be(sequences[1]);

        var worker = await (await silo.Http.GetAsync("/api/workers/w1a")).JsonAsync();
        worker.GetProperty("onDuty").GetBoolean().Should().BeTrue();
        worker.GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Should().BeEquivalentTo([first, second]);
        Assigned(await Feed(silo, "w2a", "")).Should().BeEmpty("the tickets are in grid 1");
    }

    [Fact]
    public async Task Duty_is_set_over_http_and_bad_requests_are_refused()
    {
        await using var silo = await ApiSilo.StartAsync();

        var off = await silo.Http.PutAsync("/api/workers/w1a/duty", System.Net.Http.Json.JsonContent.Create(new { onDuty = false }));
        off.StatusCode.Should().Be(HttpStatusCode.OK, await off.Content.ReadAsStringAsync());
        (await off.JsonAsync()).GetProperty("onDuty").GetBoolean().Should().BeFalse();
        (await (await silo.Http.GetAsync("/api/workers/w1a")).JsonAsync()).GetProperty("onDuty").GetBoolean().Should().BeFalse();

        await (await silo.Http.PutAsync("/api/workers/w1a/duty", System.Net.Http.Json.JsonContent.Create(new { }))).ProblemAsync(400);
        await (await silo.Http.PutAsync("/api/workers/w1a/duty", System.Net.Http.Json.JsonContent.Create(new { onDuty = "yes" }))).ProblemAsync(400);
        await (await silo.Http.GetAsync("/api/workers/nobody")).ProblemAsync(404);
        await (await silo.Http.GetAsync("/api/workers/nobody/feed")).ProblemAsync(404);
        await (await silo.Http.GetAsync("/api/workers/w1a/feed?max=0")).ProblemAsync(400);
        await (await silo.Http.GetAsync("/api/workers/w1a/feed?after=-1")).ProblemAsync(400);
    }

    private static async Task<JsonElement> Feed(ApiSilo silo, string worker, string query)
    {
        var response = await silo.Http.GetAsync($"/api/workers/{worker}/feed{query}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private static string[] Assigned(JsonElement feed) =>
        feed.EnumerateArray()
            .Where(entry => entry.GetProperty("kind").GetString() == "Assigned")
            .Select(entry => entry.GetProperty("ticketId").GetString()!)
            .ToArray();
}
