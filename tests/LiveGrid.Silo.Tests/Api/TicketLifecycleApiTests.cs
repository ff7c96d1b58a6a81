using System.Net.Http.Headers;
using System.Net;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>A ticket's whole life over real HTTP: intake, every step to closing, the audit trail, and the refusals.</summary>
public sealed class TicketLifecycleApiTests
{
    [Fact]
    public async Task A_ticket_goes_from_intake_to_closed_and_its_audit_trail_says_who_did_what()
    {
        await using var silo = await ApiSilo.StartAsync();

        var response = await silo.PostJsonAsync("/api/tickets", new
        {
            actor = Actors.Operator,
            description = "小区东门暴露垃圾无人清运",
            longitude = TestCity.Centre(1).Longitude,
            latitude = TestCity.Centre(1).Latitude,
            category = "暴露垃圾",
            priority = "Normal",
            kind = "Complaint",
        });

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.JsonAsync();
        var id = created.Id();
        id.Should().Be("20261123-000001", "numbers are per local date and start at 1");
        response.Headers.Location!.ToString().Should().Be($"/api/tickets/{id}");
        created.Status().Should().Be("Classified");
        created.GetProperty("summary").GetProperty("gridCode").GetString().Should().Be(TestCity.Grid1);
        (await response.Content.ReadAsStringAsync()).Should().Contain("小区东门暴露垃圾无人清运", "Chinese is sent as UTF-8 text");

        var dispatched = await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher });
        dispatched.Status().Should().Be("Dispatched");
        dispatched.GetProperty("summary").GetProperty("leadUnitId").GetString().Should().Be($"grid:{TestCity.Grid1}");
        (await silo.ActAsync(id, "accept", new { actor = Actors.Worker("w1a") })).Status().Should().Be("Accepted");
        (await silo.ActAsync(id, "arrive", new { actor = Actors.Worker("w1a") })).Status().Should().Be("OnSite");
        (await silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" })).Status().Should().Be("Resolved");
        (await silo.ActAsync(id, "callback", new { actor = Actors.Operator, rating = "Satisfied" })).Status().Should().Be("CalledBack");
        var closed = await silo.ActAsync(id, "close", new { actor = Actors.Operator });
        closed.Status().Should().Be("Closed");

        var get = await silo.Http.GetAsync($"/api/tickets/{id}");
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        get.Headers.ETag!.Tag.Should().Be($"\"{closed.Version()}\"");

        var audit = await (await silo.Http.GetAsync($"/api/tickets/{id}/audit")).JsonAsync();
        var entries = audit.EnumerateArray().ToArray();
        entries.Select(entry => entry.GetProperty("action").GetString()).Should().ContainInOrder(
            "Receive", "Dispatch", "Accept", "ArriveOnSite", "Resolve", "CallBack", "Close");
        entries.Should().HaveCount(closed.Version(), "the version is the audit trail's length");
        entries[0].GetProperty("by").GetProperty("displayName").GetString().Should().Be("话务员小王");
        entries[^1].GetProperty("to").GetString().Should().Be("Closed");
        entries.Select(entry => entry.GetProperty("sequence").GetInt32()).Should().BeInAscendingOrder();
    }

    [Fact]
    public async Task An_action_on_a_stale_version_is_409_with_the_current_version_whether_from_the_body_or_If_Match()
    {
        await using var silo = await ApiSilo.StartAsync();
        var ticket = await silo.ReceiveAsync();
        var id = ticket.Id();
        var seen = ticket.Version();
        await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher, expectedVersion = seen });

        var fromBody = await silo.PostJsonAsync($"/api/tickets/{id}/supervise",
            new { actor = Actors.CommandCenter, level = "Reminder", note = "请尽快签收", expectedVersion = seen });
        var problem = await fromBody.ProblemAsync(409);
        problem.GetProperty("currentVersion").GetInt32().Should().Be(seen + 1);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tickets/{id}/accept")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { actor = Actors.Worker("w1a") }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{seen}\""));
        var fromHeader = await silo.Http.SendAsync(request);
        (await fromHeader.ProblemAsync(409)).GetProperty("currentVersion").GetInt32().Should().Be(seen + 1);

        var current = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
        current.Status().Should().Be("Dispatched", "refused actions change nothing");
        current.Version().Should().Be(seen + 1);
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_409_with_the_status_and_the_allowed_actions()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync()).Id();

        var response = await silo.PostJsonAsync($"/api/tickets/{id}/resolve", new { actor = Actors.Worker("w1a"), note = "已处理", level = "Grid" });

        var problem = await response.ProblemAsync(409);
        problem.GetProperty("ticketStatus").GetString().Should().Be("Classified");
        problem.GetProperty("ticketId").GetString().Should().Be(id);
        problem.GetProperty("attempted").GetString().Should().Be("Resolve");
        problem.GetProperty("allowedActions").Strings().Should().Contain("Dispatch").And.NotContain("Resolve");
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_unknown_ticket_is_404_for_reads_and_actions()
    {
        await using var silo = await ApiSilo.StartAsync();

        await (await silo.Http.GetAsync("/api/tickets/20261123-999999")).ProblemAsync(404);
        await (await silo.Http.GetAsync("/api/tickets/20261123-999999/audit")).ProblemAsync(404);
        await (await silo.PostJsonAsync("/api/tickets/20261123-999999/accept", new { actor = Actors.Worker("w1a") })).ProblemAsync(404);
    }
}
