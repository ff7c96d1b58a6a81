using System.Net;
using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Patrols and verifications (巡查, 核查) over HTTP.</summary>
public sealed class InspectionApiTests
{
    // The scheduler plans today's patrols at start; at 09:30 the first shift (08:00-12:00) is open.
    private static readonly string MorningPatrol = $"{TestCity.Grid1}-20261123-0";

    [Fact]
    public async Task A_patrol_is_checked_in_passes_a_checkpoint_reports_a_finding_that_becomes_a_ticket_and_completes()
    {
        await using var silo = await ApiSilo.StartAsync();
        var patrol = await (await silo.Http.GetAsync($"/api/inspections/{MorningPatrol}")).JsonAsync();
        patrol.GetProperty("summary").GetProperty("status").GetString().Should().Be("Scheduled");
        var worker = patrol.GetProperty("plan").GetProperty("workerId").GetString()!;
        var actor = Actors.Worker(worker);

        (await Command(silo, "check-in", new { actor, longitude = TestCity.Centre(1).Longitude, latitude = TestCity.Centre(1).Latitude }))
            .GetProperty("inspection").GetProperty("summary").GetProperty("status").GetString().Should().Be("Started");
        (await Command(silo, "checkpoint", new { actor, checkpoint = "网格入口" }))
            .GetProperty("inspection").GetProperty("summary").GetProperty("checkpointsPassed").GetInt32().Should().Be(1);
        var finding = await Command(silo, "finding", new
        {
            actor,
            category = "暴露垃圾",
            description = "垃圾桶满溢",
            longitude = TestCity.Centre(1).Longitude,
            latitude = TestCity.Centre(1).Latitude,
        });
        var ticketId = finding.GetProperty("createdTicketId").GetString()!;
        var ticket = await (await silo.Http.GetAsync($"/api/tickets/{ticketId}")).JsonAsync();
        ticket.GetProperty("summary").GetProperty("source").GetString().Should().Be("Patrol");
        ticket.GetProperty("summary").GetProperty("gridCode").GetString().Should().Be(TestCity.Grid1);

        (await Command(silo, "complete", new { actor, note = "巡查完毕" }))
            .GetProperty("inspection").GetProperty("summary").GetProperty("status").GetString().Should().Be("Completed");

        var again = await silo.PostJsonAsync($"/api/inspections/{MorningPatrol}/check-in", new { actor });
        var problem = await again.ProblemAsync(409);
        problem.GetProperty("inspectionStatus").GetString().Should().Be("Completed");
    }

    [Fact]
    public async Task A_verification_of_a_resolved_ticket_is_scheduled_and_its_pass_closes_the_ticket()
    {
        await using var silo = await ApiSilo.StartAsync();
        var id = (await silo.ReceiveAsync(grid: 2)).Id();
        await silo.DispatchAndAcceptAsync(id, grid: 2);
        await silo.ActAsync(id, "resolve", new { actor = Actors.Worker("w2a"), note = "已清运", level = "Grid" });

        var scheduled = await silo.PostJsonAsync($"/api/tickets/{id}/verification", new { actor = Actors.Dispatcher, workerId = "w2c" });
        scheduled.StatusCode.Should().Be(HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var key = $"verify-{id}-1";
        scheduled.Headers.Location!.ToString().Should().Be($"/api/inspections/{key}");
        var plan = (await scheduled.JsonAsync()).GetProperty("inspection").GetProperty("plan");
        plan.GetProperty("kind").GetString().Should().Be("Verification");
        plan.GetProperty("workerId").GetString().Should().Be("w2c");

        var inspector = new { id = "w2c", role = "Inspector", name = "王2" };
        await Command(silo, "check-in", new { actor = inspector }, key);
        await Command(silo, "complete", new { actor = inspector, passed = true, note = "现场已清洁" }, key);

        await silo.UntilAsync(
            async () => (await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync()).Status() == "Closed",
            "the passed verification closes the ticket");
    }

    [Fact]
    public async Task Unknown_inspections_are_404_and_incomplete_commands_are_400()
    {
        await using var silo = await ApiSilo.StartAsync();

        await (await silo.Http.GetAsync("/api/inspections/no-such-patrol")).ProblemAsync(404);
        await (await silo.PostJsonAsync("/api/inspections/no-such-patrol/check-in", new { actor = Actors.Worker("w1a") })).ProblemAsync(404);
        var checkpoint = await silo.PostJsonAsync($"/api/inspections/{MorningPatrol}/checkpoint", new { actor = Actors.Worker("w1a") });
        (await checkpoint.ProblemAsync(400)).GetProperty("errors").TryGetProperty("checkpoint", out _).Should().BeTrue();
        var finding = await silo.PostJsonAsync($"/api/inspections/{MorningPatrol}/finding",
            new { actor = Actors.Worker("w1a"), category = "天降异物", description = "x", resolvedOnSpot = true });
        var errors = (await finding.ProblemAsync(400)).GetProperty("errors");
        errors.TryGetProperty("category", out _).Should().BeTrue();
        errors.TryGetProperty("resolution", out _).Should().BeTrue();
        await (await silo.PostJsonAsync("/api/tickets/20261123-999999/verification", new { actor = Actors.Dispatcher })).ProblemAsync(404);
    }

    private static async Task<JsonElement> Command(ApiSilo silo, string command, object body, string? inspection = null)
    {
        var response = await silo.PostJsonAsync($"/api/inspections/{inspection ?? MorningPatrol}/{command}", body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, "{0} should be applied, but the answer was {1}", command, text);
        return await response.JsonAsync();
    }
}
