using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Tests.Live;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Privacy;

/// <summary>
/// Domain §8 over HTTP and the hub: the caller (陈女士, 13812345678 as <see cref="TicketApi.ReceiveAsync"/> takes
/// them in) is masked in every answer that carries a ticket, and seeing it unmasked is an explicit, audited action
/// of the operators and the administrator only.
/// </summary>
public sealed class CallerPrivacyApiTests
{
    private const string Phone = "13812345678";
    private const string Name = "陈女士";

    [Fact]
    public async Task Every_view_list_trail_board_snapshot_and_report_carries_the_caller_masked()
    {
        await using var silo = await ApiSilo.StartAsync();
        var created = await silo.ReceiveAsync(grid: 1);
        var id = created.Id();
        var dispatched = await silo.ActAsync(id, "dispatch", new { actor = Actors.Dispatcher });
        var read = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();

        foreach (var view in new[] { created, dispatched, read })
        {
            view.GetProperty("intake").GetProperty("callerName").GetString().Should().Be("陈＊");
            view.GetProperty("intake").GetProperty("callerPhone").GetString().Should().Be("138****5678");
        }

        await using var hub = await LiveClient.ConnectAsync(silo);
        var snapshot = await hub.SubscribeAsync($"ticket:{id}");
        snapshot.GetProperty("ticket").GetProperty("intake").GetProperty("callerPhone").GetString().Should().Be("138****5678");
        snapshot.GetProperty("ticket").GetProperty("intake").GetProperty("callerName").GetString().Should().Be("陈＊");

        var answers = new List<string> { snapshot.GetRawText(), created.GetRawText(), dispatched.GetRawText(), read.GetRawText() };
        foreach (var path in new[] { "/api/tickets?pageSize=100", $"/api/tickets/{id}/audit", "/api/boards/city", $"/api/grids/{Grains.Tests.Support.TestCity.Grid1}" })
        {
            answers.Add(await silo.Http.GetStringAsync(path));
        }

        // The day's reports (CSV and HTML exports) once the day is over.
        await silo.AdvanceToAsync(ApiSilo.Start.AddDays(1));
        // Made now, or already by the daily schedule when the clock crossed midnight.
        (await silo.Http.PostAsync("/api/reports/daily?period=2026-11-23", null)).StatusCode.Should().BeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        answers.Add(await silo.Http.GetStringAsync("/api/reports/daily/2026-11-23.csv"));
        answers.Add(await silo.Http.GetStringAsync("/api/reports/daily/2026-11-23.html"));

        answers.Should().OnlyContain(text => !text.Contains(Phone, StringComparison.Ordinal) && !text.Contains(Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LiveGridRoles.Operator)]
    [InlineData(LiveGridRoles.Administrator)]
    public async Task An_operator_or_the_administrator_sees_the_caller_and_the_trail_records_who_why_and_when(string role)
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync()).Id();
        var before = (await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync()).Version();
        var client = role == LiveGridRoles.Administrator ? silo.Http : await silo.ClientAsAsync(role);
        var me = (await (await client.GetAsync("/api/auth/me")).JsonAsync()).GetProperty("userName").GetString();

        var response = await client.PostAsJsonAsync($"/api/tickets/{id}/caller/reveal",
            new { actor = new { id = "spoofed", role = "HotlineOperator", name = "话务员小王" }, reason = "回访联系来电人" }, ApiSilo.Json);

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var revealed = await response.JsonAsync();
        revealed.GetProperty("callerName").GetString().Should().Be(Name);
        revealed.GetProperty("callerPhone").GetString().Should().Be(Phone);

        var trail = await (await silo.Http.GetAsync($"/api/tickets/{id}/audit")).JsonAsync();
        trail.GetArrayLength().Should().Be(before + 1);
        var entry = trail[trail.GetArrayLength() - 1];
        entry.GetProperty("action").GetString().Should().Be("RevealCaller");
        entry.GetProperty("by").GetProperty("id").GetString().Should().Be(me, "the trail names the signed-in account, not what the body claims");
        entry.GetProperty("note").GetString().Should().Be("回访联系来电人");
        entry.GetProperty("at").GetDateTimeOffset().Should().Be(silo.Time.GetUtcNow());
        entry.GetProperty("from").GetString().Should().Be(entry.GetProperty("to").GetString(), "a reveal changes no status");
        revealed.GetProperty("auditEntry").GetProperty("sequence").GetInt32().Should().Be(before + 1);

        // The ticket itself still shows the caller masked afterwards.
        var after = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
        after.GetProperty("intake").GetProperty("callerPhone").GetString().Should().Be("138****5678");
    }

    [Theory]
    [InlineData(LiveGridRoles.CommandCenter)]
    [InlineData(LiveGridRoles.Assessor)]
    [InlineData(LiveGridRoles.GridWorker)]
    [InlineData(LiveGridRoles.UnitHandler)]
    public async Task Any_other_role_is_refused_403_and_nothing_is_recorded(string role)
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync()).Id();
        await silo.DispatchAndAcceptAsync(id);
        var trail = await silo.Http.GetStringAsync($"/api/tickets/{id}/audit");
        var client = role switch
        {
            LiveGridRoles.GridWorker => await silo.ClientAsAsync(role, workerId: "w1a"),
            LiveGridRoles.UnitHandler => await silo.ClientAsAsync(role, unitId: "dept:szss"),
            _ => await silo.ClientAsAsync(role),
        };

        var response = await client.PostAsJsonAsync($"/api/tickets/{id}/caller/reveal",
            new { actor = Actors.CommandCenter, reason = "想看看" }, ApiSilo.Json);

        var problem = await response.ProblemAsync(403);
        problem.GetRawText().Should().NotContain(Phone);
        (await silo.Http.GetStringAsync($"/api/tickets/{id}/audit")).Should().Be(trail, "a refused reveal leaves no entry");
    }

    [Fact]
    public async Task Without_signing_in_the_answer_is_401_and_a_reveal_needs_a_reason_and_a_ticket()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync()).Id();
        var trail = await silo.Http.GetStringAsync($"/api/tickets/{id}/audit");

        await (await silo.Anonymous().PostAsJsonAsync($"/api/tickets/{id}/caller/reveal", new { actor = Actors.Operator, reason = "回访" }, ApiSilo.Json)).ProblemAsync(401);
        var noReason = await (await silo.PostJsonAsync($"/api/tickets/{id}/caller/reveal", new { actor = Actors.Operator, reason = " " })).ProblemAsync(400);
        noReason.GetProperty("errors").TryGetProperty("reason", out _).Should().BeTrue();
        await (await silo.PostJsonAsync($"/api/tickets/{id}/caller/reveal", new { actor = Actors.Operator, reason = new string('x', 501) })).ProblemAsync(400);
        await (await silo.PostJsonAsync("/api/tickets/20261123-999999/caller/reveal", new { actor = Actors.Operator, reason = "回访" })).ProblemAsync(404);

        (await silo.Http.GetStringAsync($"/api/tickets/{id}/audit")).Should().Be(trail);
    }
}
