using System.Net;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Fifty operators dispatch the same ticket at the same moment: exactly one wins, every other one gets 409.</summary>
public sealed class ConcurrentDispatchApiTests
{
    private const int Operators = 50;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fifty_concurrent_dispatches_of_one_ticket_make_one_dispatch_and_49_conflicts(bool withExpectedVersion)
    {
        await using var silo = await ApiSilo.StartAsync();
        var ticket = await silo.ReceiveAsync();
        var id = ticket.Id();
        var seen = ticket.Version();

        using var start = new SemaphoreSlim(0, Operators);
        var dispatches = Enumerable.Range(1, Operators).Select(async n =>
        {
            await start.WaitAsync();
            var actor = new { id = $"ds{n}", role = "Dispatcher", name = $"派单员{n}" };
            object body = withExpectedVersion ? new { actor, expectedVersion = seen } : new { actor };
            var response = await silo.PostJsonAsync($"/api/tickets/{id}/dispatch", body);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
        }).ToArray();
        start.Release(Operators);
        var answers = await Task.WhenAll(dispatches);

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).Should().Be(1, "exactly one dispatch wins");
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToArray();
        refused.Should().HaveCount(Operators - 1).And.OnlyContain(a => a.StatusCode == HttpStatusCode.Conflict && a.MediaType == "application/problem+json");

        var audit = await (await silo.Http.GetAsync($"/api/tickets/{id}/audit")).JsonAsync();
        audit.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "Dispatch").Should().Be(1, "the refused dispatches changed nothing");
        var current = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
        current.Status().Should().Be("Dispatched");
        current.Version().Should().Be(seen + 1);
    }
}
