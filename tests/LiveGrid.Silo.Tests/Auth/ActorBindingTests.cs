using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Tests.Support;
using Xunit;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>
/// The audit trail credits and blames the actor a request names, and the KPIs count by it: a signed-in user may only
/// name themselves (a worker by their worker id, others by their user name) in a part their role plays.
/// </summary>
public sealed class ActorBindingTests : IAsyncLifetime
{
    private ApiSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await ApiSilo.StartAsync();

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    [Fact]
    public async Task A_grid_worker_accepts_as_themselves_and_is_refused_as_a_colleague()
    {
        var ticket = (await _silo.ReceiveAsync(grid: 1)).Id();
        var dispatched = await _silo.ActAsync(ticket, "dispatch", new { actor = Actors.Dispatcher });
        var worker = await _silo.ClientAsAsync(LiveGridRoles.GridWorker, workerId: "w1a");

        using var asColleague = await worker.PostAsJsonAsync($"/api/tickets/{ticket}/accept", new { actor = Actors.Worker("w1b") }, ApiSilo.Json);
        var problem = await asColleague.ProblemAsync(403);
        problem.GetProperty("detail").GetString().Should().Contain("'w1b'").And.Contain("'w1a'");
        (await VersionAsync(ticket)).Should().Be(dispatched.Version(), "a refused accept changes nothing");

        using var asSelf = await worker.PostAsJsonAsync($"/api/tickets/{ticket}/accept", new { actor = Actors.Worker("w1a") }, ApiSilo.Json);
        asSelf.StatusCode.Should().Be(HttpStatusCode.OK, await asSelf.Content.ReadAsStringAsync());
        var audit = await _silo.Http.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket}/audit");
        audit.EnumerateArray().Last().GetProperty("by").GetProperty("id").GetString().Should().Be("w1a");
    }

    [Fact]
    public async Task An_operator_takes_calls_under_their_own_name_and_not_as_the_command_center()
    {
        var operatorClient = await _silo.ClientAsAsync(LiveGridRoles.Operator);
        var me = await operatorClient.GetFromJsonAsync<JsonElement>("/api/auth/me");
        var name = me.GetProperty("userName").GetString()!;
        var (longitude, latitude) = TestCity.Centre(2);
        object Intake(object actor) => new
        {
            actor, description = "楼道堆放杂物", source = "Hotline", callerName = "王先生", callerPhone = "13900001111",
            address = "第2网格", longitude, latitude, category = "暴露垃圾", priority = "Normal", kind = "Complaint",
        };

        using var asOther = await operatorClient.PostAsJsonAsync("/api/tickets", Intake(Actors.Operator), ApiSilo.Json);
        (await asOther.ProblemAsync(403)).GetProperty("detail").GetString().Should().Contain("'op1'");
        using var asCommandCenter = await operatorClient.PostAsJsonAsync(
            "/api/tickets", Intake(new { id = name, role = "CommandCenter", name = "指挥中心" }), ApiSilo.Json);
        await asCommandCenter.ProblemAsync(403);

        var list = await _silo.Http.GetFromJsonAsync<JsonElement>("/api/tickets");
        list.GetProperty("total").GetInt32().Should().Be(0, "refused intakes take nothing in");

        using var asSelf = await operatorClient.PostAsJsonAsync(
            "/api/tickets", Intake(new { id = name, role = "HotlineOperator", name = "话务员" }), ApiSilo.Json);
        asSelf.StatusCode.Should().Be(HttpStatusCode.Created, await asSelf.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_administrator_may_act_for_anyone()
    {
        var ticket = (await _silo.ReceiveAsync(grid: 1)).Id();
        await _silo.ActAsync(ticket, "dispatch", new { actor = Actors.Dispatcher });
        var accepted = await _silo.ActAsync(ticket, "accept", new { actor = Actors.Worker("w1b") });
        accepted.Status().Should().Be("Accepted");
    }

    private async Task<int> VersionAsync(string ticket) =>
        (await _silo.Http.GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket}")).Version();
}
