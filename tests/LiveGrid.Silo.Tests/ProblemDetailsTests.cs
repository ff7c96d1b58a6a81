using System.Net;
using System.Text.Json;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests;

/// <summary>Errors come back as RFC 9457 problem details, not empty bodies or HTML.</summary>
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task An_unknown_route_answers_404_as_problem_json()
    {
        using var data = new TempDirectory("silo");
        await using var silo = await InProcessSilo.StartAsync(InProcessSilo.Sqlite(data.Path));

        var response = await silo.Http.GetAsync("/no/such/route");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(404);
        problem.RootElement.GetProperty("title").GetString().Should().NotBeNullOrWhiteSpace();
    }
}
