using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Whatever a client sends wrong is a 400 problem+json naming the field, never a 500 and never a change.</summary>
public sealed class TicketValidationApiTests
{
    [Fact]
    public async Task Malformed_json_is_400_problem_json()
    {
        await using var silo = await ApiSilo.StartAsync();

        var intake = await silo.PostRawJsonAsync("/api/tickets", "{\"actor\": {\"id\": \"op1\",");
        var problem = await intake.ProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty();

        var action = await silo.PostRawJsonAsync("/api/tickets/20261123-000001/accept", "not json at all");
        await action.ProblemAsync(400);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_where_it_is()
    {
        await using var silo = await ApiSilo.StartAsync();

        var version = await silo.PostRawJsonAsync("/api/tickets/20261123-000001/accept",
            "{\"actor\": {\"id\": \"w1a\", \"role\": \"GridWorker\", \"name\": \"张1\"}, \"expectedVersion\": \"three\"}");
        var problem = await version.ProblemAsync(400);
        problem.GetProperty("errors").TryGetProperty("$.expectedVersion", out _).Should().BeTrue(problem.ToString());

        var priority = await silo.PostRawJsonAsync("/api/tickets",
            "{\"actor\": {\"id\": \"op1\", \"role\": \"HotlineOperator\", \"name\": \"王\"}, \"description\": \"噪音\", \"priority\": \"Huge\"}");
        (await priority.ProblemAsync(400)).GetProperty("errors").TryGetProperty("$.priority", out _).Should().BeTrue();

        var number = await silo.PostRawJsonAsync("/api/tickets",
            "{\"actor\": {\"id\": \"op1\", \"role\": \"HotlineOperator\", \"name\": \"王\"}, \"description\": \"噪音\", \"priority\": 9}");
        (await number.ProblemAsync(400)).GetProperty("errors").TryGetProperty("priority", out _).Should().BeTrue();

        var role = await silo.PostRawJsonAsync("/api/tickets",
            "{\"actor\": {\"id\": \"op1\", \"role\": \"Mayor\", \"name\": \"王\"}, \"description\": \"噪音\"}");
        await role.ProblemAsync(400);
    }

    [Fact]
    public async Task Missing_fields_are_400_with_each_field_named()
    {
        await using var silo = await ApiSilo.StartAsync();

        var intake = await silo.PostJsonAsync("/api/tickets", new { actor = new { id = "op1" } });
        var errors = (await intake.ProblemAsync(400)).GetProperty("errors");
        errors.TryGetProperty("description", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("actor.role", out _).Should().BeTrue(errors.ToString());
        errors.TryGetProperty("actor.name", out _).Should().BeTrue(errors.ToString());

        var id = (await silo.ReceiveAsync()).Id();
        await silo.DispatchAndAcceptAsync(id);
        var resolve = await silo.PostJsonAsync($"/api/tickets/{id}/resolve", new { actor = Actors.Worker("w1a") });
        var resolveErrors = (await resolve.ProblemAsync(400)).GetProperty("errors");
        resolveErrors.TryGetProperty("note", out _).Should().BeTrue(resolveErrors.ToString());
        resolveErrors.TryGetProperty("level", out _).Should().BeTrue(resolveErrors.ToString());

        var noActor = await silo.PostJsonAsync($"/api/tickets/{id}/arrive", new { note = "到了" });
        (await noActor.ProblemAsync(400)).GetProperty("errors").TryGetProperty("actor", out _).Should().BeTrue();

        var unchanged = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
        unchanged.Status().Should().Be("Accepted");
    }

    [Fact]
    public async Task An_unknown_category_is_400_listing_the_known_ones()
    {
        await using var silo = await ApiSilo.StartAsync();

        var intake = await silo.PostJsonAsync("/api/tickets", new
        {
            actor = Actors.Operator,
            description = "天上掉下来一块石头",
            category = "天降异物",
            priority = "Normal",
            kind = "Report",
        });
        var problem = await intake.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty("category")[0].GetString().Should().Contain("天降异物").And.Contain("暴露垃圾");

        var id = (await silo.ReceiveAsync()).Id();
        var classify = await silo.PostJsonAsync($"/api/tickets/{id}/classify",
            new { actor = Actors.Operator, category = "天降异物", priority = "Normal", kind = "Report" });
        (await classify.ProblemAsync(400)).GetProperty("errors").TryGetProperty("category", out _).Should().BeTrue();

        var list = await (await silo.Http.GetAsync("/api/tickets")).JsonAsync();
        list.GetProperty("total").GetInt32().Should().Be(1, "the refused intake created nothing");
    }
}
