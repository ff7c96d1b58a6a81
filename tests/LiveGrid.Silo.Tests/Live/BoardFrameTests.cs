using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Live;

/// <summary>City and area board frames through the real hub: the board they carry, and resuming them.</summary>
public sealed class BoardFrameTests
{
    [Fact]
    public async Task The_last_board_a_city_client_was_sent_equals_the_city_board()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        await client.SubscribeAsync("city");

        var ids = new List<string>();
        for (var n = 0; n < 6; n++)
        {
            ids.Add((await silo.ReceiveAsync(grid: 1 + (n % 4))).Id());
        }

        await silo.DispatchAndAcceptAsync(ids[0], grid: 1);
        await silo.DispatchAndAcceptAsync(ids[1], grid: 2);
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));

        await Eventually.UntilAsync(async () =>
        {
            var board = await silo.Http.GetFromJsonAsync<JsonElement>("/api/boards/city");
            var sent = client.Deltas.LastOrDefault(d => d.Board is not null)?.Board;
            return sent is { } last
                && JsonNode.DeepEquals(JsonNode.Parse(last.GetProperty("counters").GetRawText()), JsonNode.Parse(board.GetProperty("counters").GetRawText()))
                && last.GetProperty("hotspot").GetDouble() > 0;
        }, "the last board frame's counters equal GET /api/boards/city");
        var lastBoard = client.Deltas.Last(d => d.Board is not null).Board!.Value;
        lastBoard.GetProperty("counters").GetProperty("open").GetInt32().Should().Be(6);
        lastBoard.GetProperty("counters").GetProperty("byStatus").GetProperty("Accepted").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task An_area_scope_gets_frames_of_its_own_board_grids_and_tickets_only()
    {
        await using var silo = await ApiSilo.StartAsync();
        await using var client = await LiveClient.ConnectAsync(silo);
        await client.SubscribeAsync($"area:{TestCity.Community1}");

        var inside = (await silo.ReceiveAsync(grid: 1)).Id();
        var outside = (await silo.ReceiveAsync(grid: 3)).Id();
        await silo.AdvanceToAsync(ApiSilo.Start.AddSeconds(5));
        await client.WaitForAsync(d => d.Board?.GetProperty("code").GetString() == TestCity.Community1, "the community's board");
        await client.WaitForAsync(d => d.Ticket(inside) is not null, "the community's ticket");

        var deltas = client.Deltas;
        deltas.Should().OnlyContain(d => d.Scope == $"area:{TestCity.Community1}" && d.Type == ReceivedDelta.BoardFrame);
        deltas.SelectMany(d => d.Tickets).Select(t => t.GetProperty("id").GetString()).Should().NotContain(outside);
        deltas.SelectMany(d => d.List("grids")).Select(g => g.GetProperty("code").GetString()).Should().OnlyContain(code => code!.StartsWith(TestCity.Community1, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resuming_the_city_returns_the_missed_frames_and_then_frames_follow_on()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        long last;
        await using (var before = await LiveClient.ConnectAsync(silo))
        {
            last = (await before.SubscribeAsync("city")).GetProperty("sequence").GetInt64();
        }

        await silo.DispatchAndAcceptAsync(id, grid: 1);
        // The frames are taken every 100 ms whether or not anyone watches (the scope is kept for a while).
        await using var after = await LiveClient.ConnectAsync(silo);
        List<ReceivedDelta> missed = [];
        await Eventually.UntilAsync(async () =>
        {
            var resumed = await after.ResumeAsync("city", last);
            resumed.GetProperty("snapshot").ValueKind.Should().Be(JsonValueKind.Null, "the buffer reaches back");
            missed = [.. resumed.GetProperty("deltas").EnumerateArray().Select(ReceivedDelta.From)];
            return missed.Any(d => d.Ticket(id)?.GetProperty("status").GetString() == "Accepted");
        }, "the acceptance among the resumed frames");

        missed.Select(d => d.Sequence).Should().Equal(Enumerable.Range(1, missed.Count).Select(n => last + n));
        missed.Should().OnlyContain(d => d.Type == ReceivedDelta.BoardFrame);

        await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") });
        await after.WaitForAsync(d => d.Ticket(id)?.GetProperty("status").GetString() == "OnSite", "the next frame after the resumed ones");
        after.Deltas.First(d => d.Ticket(id)?.GetProperty("status").GetString() == "OnSite").Sequence.Should().BeGreaterThan(missed[^1].Sequence);
    }

    [Fact]
    public async Task Resuming_the_city_beyond_its_frame_buffer_returns_a_snapshot_instead()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?> { ["LiveGrid:Live:BufferPerScope"] = "1" });
        await using var client = await LiveClient.ConnectAsync(silo);
        var last = (await client.SubscribeAsync("city")).GetProperty("sequence").GetInt64();
        await client.Connection.StopAsync();

        // Two frames (the intake, then the acceptance), so a buffer of one no longer reaches back to last + 1.
        await using var watcher = await LiveClient.ConnectAsync(silo);
        var id = (await silo.ReceiveAsync(grid: 1)).Id();
        await Eventually.UntilAsync(async () => (await watcher.SubscribeAsync("city")).GetProperty("sequence").GetInt64() >= last + 1, "the intake's frame");
        await silo.DispatchAndAcceptAsync(id, grid: 1);
        await Eventually.UntilAsync(async () => (await watcher.SubscribeAsync("city")).GetProperty("sequence").GetInt64() >= last + 2, "the acceptance's frame");
        await client.Connection.StartAsync();
        var snapshot = (await client.ResumeAsync("city", last)).GetProperty("snapshot");

        snapshot.GetProperty("sequence").GetInt64().Should().BeGreaterThanOrEqualTo(last + 2);
        snapshot.GetProperty("tickets").EnumerateArray().Should().ContainSingle(t => t.GetProperty("id").GetString() == id)
            .Which.GetProperty("status").GetString().Should().Be("Accepted");
    }
}
