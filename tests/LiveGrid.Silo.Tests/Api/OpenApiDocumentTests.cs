using System.Net;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>The OpenAPI document is served and describes the API as it is mapped.</summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_is_served_and_lists_the_ticket_routes()
    {
        await using var silo = await ApiSilo.StartAsync();

        var response = await silo.Http.GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await response.JsonAsync();
        document.GetProperty("openapi").GetString().Should().StartWith("3.");
        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToArray();
        paths.Should().Contain(["/api/tickets", "/api/tickets/{id}", "/api/tickets/{id}/audit", "/api/tickets/{id}/dispatch",
            "/api/tickets/{id}/extension-decision", "/api/tickets/{id}/verification", "/api/boards/city", "/api/workers/{id}/feed"]);
        var intake = document.GetProperty("paths").GetProperty("/api/tickets").GetProperty("post");
        intake.GetProperty("operationId").GetString().Should().Be("CreateTicket");
        intake.GetProperty("responses").TryGetProperty("201", out _).Should().BeTrue();
        intake.GetProperty("responses").TryGetProperty("400", out _).Should().BeTrue();
    }

    [Fact]
    public async Task The_anonymous_document_is_generated_once_and_then_served_from_the_cache()
    {
        await using var silo = await ApiSilo.StartAsync();
        var anonymous = silo.Anonymous();

        using var first = await anonymous.GetAsync("/openapi/v1.json");
        using var second = await anonymous.GetAsync("/openapi/v1.json");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        first.Headers.Age.Should().BeNull("the first request generates the document");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Headers.Age.Should().NotBeNull("the second is the cached copy");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
    }
}
