using System.Diagnostics;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>The push hub end to end: the real host, tickets over HTTP, the real SignalR client over WebSockets.</summary>
public sealed class LiveHubTests
{
    [Fact]
    public async Task Subscribing_to_the_city_returns_its_board_grids_and_open_tickets_with_the_current_sequence()
    {
        await using var silo = await ApiSilo.StartAsync();
        var ticket = await silo.ReceiveAsync(grid: 2);
        await using var client = await LiveClient.ConnectAsync(silo);

        var snapshot = await client.SubscribeAsync("city");

        snapshot.GetProperty("scope").GetString().Should().Be("city");
        snapshot.GetProperty("sequence").GetInt64().Should().BePositive();
        snapshot.GetProperty("serverTime").GetDateTimeOffset().Should().Be(ApiSilo.Start);
        snapshot.GetProperty("board").GetProperty("code").GetString().Should().Be("city");
        snapshot.GetProperty("grids").EnumerateArray().Select(g => g.GetProperty("code").GetString()).Should().Equal(TestCity.Grids);
        snapshot.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal(ticket.Id());
        // Enums as strings, as the HTTP API writes them.
        snapshot.GetProperty("tickets")[0].GetProperty("status").GetString().Should().Be("Classified");
    }

    [Fact]
    public async Task A_ticket_received_and_dispatched_over_http_arrives_as_deltas_in_order_with_consecutive_sequences()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        var start = (await client.SubscribeAsync("city")).GetProperty("sequence").GetInt64();

        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher });
        // Grids and areas report on a short timer (BoardReportDelay): let it pass.
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));
        await client.WaitForAsync(d => d.TicketId == id && d.TicketStatus == "Dispatched", "the dispatch delta");
        await client.WaitForAsync(d => d.Type == "areaChanged" && d.Event.GetProperty("report").GetProperty("code").GetString() == "city", "the city board's report");

        var deltas = client.Deltas;
        deltas.Should().OnlyContain(d => d.Scope == "city");
        deltas.Select(d => d.Sequence).Should().Equal(Enumerable.Range(1, deltas.Count).Select(n => start + n));
        var ticketDeltas = deltas.Where(d => d.TicketId == id && d.Type == "ticketChanged").ToList();
        ticketDeltas.Should().HaveCountGreaterThanOrEqualTo(2);
        ticketDeltas[0].TicketStatus.Should().Be("Classified");
        ticketDeltas[^1].TicketStatus.Should().Be("Dispatched");
        // Intake is one change with two transitions (received, classified): two events, one revision.
        ticketDeltas.Select(d => d.Revision).Should().BeInAscendingOrder();
        ticketDeltas.Select(d => d.Event.GetProperty("sequence").GetInt64()).Should().Equal(Enumerable.Range(1, ticketDeltas.Count).Select(n => (long)n));
        deltas.Should().Contain(d => d.Type == "gridChanged").And.Contain(d => d.Type == "areaChanged");
        deltas.Should().NotContain(d => d.Type == "workerChanged" || d.Type == "workerNotified", "worker-only events are not the city's");
        ticketDeltas[0].Event.GetProperty("at").GetDateTimeOffset().Should().Be(ApiSilo.Start);
    }

    [Fact]
    public async Task A_burst_of_200_ticket_intakes_arrives_in_a_handful_of_frames()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        await client.SubscribeAsync("city");

        var started = Stopwatch.GetTimestamp();
        var views = await Task.WhenAll(Enumerable.Range(0, 200).Select(n => silo.ReceiveAsync(grid: 1 + (n % 4), description: $"第{n}号楼前暴露垃圾无人清运")));
        var ids = views.Select(v => v.Id()).ToHashSet();
        await Eventually.UntilAsync(
            () => client.Deltas.Where(d => d.Type == "ticketChanged").Select(d => d.TicketId!).Distinct().Count(ids.Contains) == 200,
            "all 200 intakes delivered");
        var elapsed = Stopwatch.GetElapsedTime(started);

        var batches = client.Batches;
        var deltas = batches.Sum(b => b.Deltas.Count);
        // At most one frame per ~100 ms (plus the ticks at either end), each carrying many changes.
        batches.Count.Should().BeLessThanOrEqualTo((int)(elapsed.TotalMilliseconds / 100) + 2, "frames are paced at about 10 a second ({0} deltas in {1:0} ms)", deltas, elapsed.TotalMilliseconds);
        deltas.Should().BeGreaterThanOrEqualTo(200);
        (deltas / (double)batches.Count).Should().BeGreaterThan(10, "a burst is coalesced ({0} deltas in {1} frames)", deltas, batches.Count);
        batches.SelectMany(b => b.Deltas).Select(d => d.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Grid_worker_and_ticket_scopes_only_get_their_own_events()
    {
        await using var silo = await ApiSilo.StartAsync();
        var mine = (await silo.ReceiveAsync(grid: 3)).Id();
        await using var gridClient = await LiveClient.ConnectAsync(silo);
        await using var workerClient = await LiveClient.ConnectAsync(silo);
        await using var ticketClient = await LiveClient.ConnectAsync(silo);
        await gridClient.SubscribeAsync($"grid:{TestCity.Grid1}");
        (await workerClient.SubscribeAsync("worker:w2a")).GetProperty("worker").GetProperty("workerId").GetString().Should().Be("w2a");
        (await ticketClient.SubscribeAsync($"ticket:{mine}")).GetProperty("ticket").GetProperty("summary").GetProperty("id").GetString().Should().Be(mine);

        var inGrid1 = (await silo.ReceiveAsync(grid: 1)).Id();
        var inGrid2 = (await silo.ReceiveAsync(grid: 2)).Id();
        await silo.DispatchAndAcceptAsync(inGrid2, grid: 2);
        await silo.DispatchAndAcceptAsync(inGrid1, grid: 1);
        await silo.ActAsync(mine, "dispatch", new { actor = Actors.Dispatcher });
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));

        await gridClient.WaitForAsync(d => d.TicketId == inGrid1 && d.TicketStatus == "Accepted", "grid 1's ticket accepted");
        await workerClient.WaitForAsync(d => d.TicketId == inGrid2 && d.TicketStatus == "Accepted", "w2a's ticket accepted");
        await ticketClient.WaitForAsync(d => d.TicketId == mine && d.TicketStatus == "Dispatched", "the ticket dispatched");
        await gridClient.WaitForAsync(d => d.Type == "gridChanged", "grid 1's board report");

        gridClient.Deltas.Should().OnlyContain(d => d.Scope == $"grid:{TestCity.Grid1}");
        gridClient.Deltas.Where(d => d.TicketId is not null).Should().OnlyContain(d => d.TicketId == inGrid1);
        gridClient.Deltas.Where(d => d.Type == "gridChanged").Should().NotBeEmpty()
            .And.OnlyContain(d => d.Event.GetProperty("report").GetProperty("code").GetString() == TestCity.Grid1);
        gridClient.Deltas.Should().NotContain(d => d.Type == "areaChanged");

        workerClient.Deltas.Where(d => d.TicketId is not null).Should().OnlyContain(d => d.TicketId == inGrid2);
        workerClient.Deltas.Should().NotContain(d => d.Type == "gridChanged" || d.Type == "areaChanged");
        workerClient.Deltas.Where(d => d.Type is "workerChanged" or "workerNotified")
            .Should().OnlyContain(d => d.Event.GetProperty("workerId").GetString() == "w2a");

        ticketClient.Deltas.Should().NotBeEmpty().And.OnlyContain(d => d.TicketId == mine);
    }

    [Fact]
    public async Task Resume_after_a_disconnect_returns_the_missed_deltas()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        long last;
        await using (var before = await LiveClient.ConnectAsync(silo))
        {
            last = (await before.SubscribeAsync($"ticket:{id}")).GetProperty("sequence").GetInt64();
        }

        await silo.DispatchAndAcceptAsync(id, grid: 1);
        await using var after = await LiveClient.ConnectAsync(silo);
        var resumed = await after.ResumeAsync($"ticket:{id}", last);

        resumed.GetProperty("scope").GetString().Should().Be($"ticket:{id}");
        resumed.TryGetProperty("snapshot", out var snapshot).Should().BeTrue();
        snapshot.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var missed = resumed.GetProperty("deltas").EnumerateArray().Select(ReceivedDelta.From).ToList();
        missed.Select(d => d.Sequence).Should().Equal(last + 1, last + 2);
        missed.Select(d => d.TicketStatus).Should().Equal("Dispatched", "Accepted");

        // Resumed means subscribed again: the next change arrives as a delta.
        await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") });
        await after.WaitForAsync(d => d.Sequence == last + 3 && d.TicketStatus == "OnSite", "the next delta after the resumed ones");
    }

    [Fact]
    public async Task Resume_beyond_the_scope_buffer_returns_a_snapshot_instead()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?> { ["LiveGrid:Live:BufferPerScope"] = "1" });
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await using var client = await LiveClient.ConnectAsync(silo);
        var last = (await client.SubscribeAsync($"ticket:{id}")).GetProperty("sequence").GetInt64();
        await client.Connection.StopAsync();

        await silo.DispatchAndAcceptAsync(id, grid: 1);
        await client.Connection.StartAsync();
        var resumed = await client.ResumeAsync($"ticket:{id}", last);

        resumed.GetProperty("deltas").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var snapshot = resumed.GetProperty("snapshot");
        snapshot.GetProperty("sequence").GetInt64().Should().Be(last + 2);
        snapshot.GetProperty("ticket").GetProperty("summary").GetProperty("status").GetString().Should().Be("Accepted");
    }

    [Theory]
    [InlineData("", "A scope is required")]
    [InlineData("street:110101001", "is not a scope")]
    [InlineData("grid:110101001001009", "There is no grid")]
    [InlineData("area:110102", "There is no district, street or community")]
    [InlineData("worker:nobody", "There is no worker")]
    [InlineData("ticket:20261123-999999", "There is no ticket")]
    public async Task An_invalid_scope_is_refused_with_a_hub_exception_that_says_why(string scope, string message)
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);

        var subscribe = () => client.SubscribeAsync(scope);

        (await subscribe.Should().ThrowAsync<HubException>()).Which.Message.Should().Contain(message);
        // The connection survives a refused scope.
        (await client.SubscribeAsync($"area:{TestCity.Street}")).GetProperty("grids").GetArrayLength().Should().Be(4);
    }
}
