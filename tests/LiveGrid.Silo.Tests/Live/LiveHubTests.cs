using System.Diagnostics;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Live;
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
        snapshot.GetProperty("breaching").EnumerateArray().Select(t => t.GetProperty("id").GetString()).Should().Equal(ticket.Id());
    }

    [Fact]
    public async Task A_ticket_received_and_dispatched_over_http_arrives_in_city_frames_with_consecutive_sequences()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        var start = (await client.SubscribeAsync("city")).GetProperty("sequence").GetInt64();

        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await client.WaitForAsync(d => d.Ticket(id) is { } t && t.GetProperty("status").GetString() == "Classified", "the intake in a frame");
        await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher });
        // Grids and areas report on a short timer (BoardReportDelay): let it pass.
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));
        await client.WaitForAsync(d => d.Ticket(id) is { } t && t.GetProperty("status").GetString() == "Dispatched", "the dispatch in a frame");
        await client.WaitForAsync(d => d.Board?.GetProperty("code").GetString() == "city", "the city board in a frame");

        var deltas = client.Deltas;
        deltas.Should().OnlyContain(d => d.Scope == "city" && d.Type == ReceivedDelta.BoardFrame, "the city gets board frames, not events");
        deltas.Select(d => d.Sequence).Should().Equal(Enumerable.Range(1, deltas.Count).Select(n => start + n));
        var items = deltas.Select(d => d.Ticket(id)).OfType<System.Text.Json.JsonElement>().ToList();
        items.Select(t => t.GetProperty("revision").GetInt64()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems("one item per ticket per frame, latest revision");
        items[^1].GetProperty("gridCode").GetString().Should().Be(TestCity.Grid1);
        items[^1].GetProperty("isOverdue").GetBoolean().Should().BeFalse();
        items[^1].GetProperty("deadline").GetDateTimeOffset().Should().BeAfter(ApiSilo.Start);
        items[^1].TryGetProperty("description", out _).Should().BeFalse("a frame's ticket is slim");
        deltas.SelectMany(d => d.List("grids")).Select(g => g.GetProperty("code").GetString()).Should().Contain(TestCity.Grid1);
        deltas.SelectMany(d => d.List("areas")).Select(a => a.GetProperty("code").GetString()).Should().Contain(TestCity.Street);
        deltas.Should().Contain(d => d.List("breaching").Any(b => b.GetString() == id), "the dispatched ticket enters breaching next");
        // A frame's "at" is its earliest change: the intake happened at the start.
        deltas[0].Frame.GetProperty("at").GetDateTimeOffset().Should().Be(ApiSilo.Start);
    }

    [Fact]
    public async Task A_burst_of_200_ticket_intakes_arrives_in_a_handful_of_bounded_frames()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        await client.SubscribeAsync("city");

        var started = Stopwatch.GetTimestamp();
        var views = await Task.WhenAll(Enumerable.Range(0, 200).Select(n => silo.ReceiveAsync(grid: 1 + (n % 4), description: $"第{n}号楼前暴露垃圾无人清运")));
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));
        await client.WaitForAsync(d => d.Board is { } b && b.GetProperty("counters").GetProperty("open").GetInt32() == 200, "the city board counting 200 open");
        var elapsed = Stopwatch.GetElapsedTime(started);

        var batches = client.Batches;
        var frames = batches.SelectMany(b => b.Deltas).ToList();
        // At most one frame per ~100 ms (plus the ticks at either end).
        batches.Count.Should().BeLessThanOrEqualTo((int)(elapsed.TotalMilliseconds / 100) + 2, "frames are paced at about 10 a second ({0} frames in {1:0} ms)", frames.Count, elapsed.TotalMilliseconds);
        frames.Select(d => d.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        foreach (var frame in frames)
        {
            frame.Tickets.Select(t => t.GetProperty("id").GetString()).Should().OnlyHaveUniqueItems("a ticket is in a frame once, at its latest revision");
            // Bounded: the feed's last changes and breaching next (entering or changed), none overdue here.
            frame.Tickets.Count.Should().BeLessThanOrEqualTo(BoardScope.FeedLength + BoardScope.BreachingLength);
            frame.List("breaching").Count.Should().BeLessThanOrEqualTo(BoardScope.BreachingLength);
        }

        var carried = frames.SelectMany(f => f.Tickets).Select(t => t.GetProperty("id").GetString()).Distinct().ToList();
        carried.Should().HaveCountGreaterThanOrEqualTo(BoardScope.FeedLength, "each frame carries its last changes for the feed")
            .And.OnlyContain(id => views.Any(v => v.Id() == id));
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
