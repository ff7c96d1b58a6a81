using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>Oversized intake fields are refused by field, before a ticket number is taken.</summary>
public sealed class IntakeLimitsApiTests
{
    [Theory]
    [InlineData("description", 4001)]
    [InlineData("callerName", 51)]
    [InlineData("callerPhone", 33)]
    [InlineData("address", 201)]
    public async Task A_field_past_its_limit_is_refused_and_takes_no_ticket_number(string field, int length)
    {
        await using var silo = await ApiSilo.StartAsync();
        var (longitude, latitude) = TestCity.Centre(1);
        var body = new Dictionary<string, object?>
        {
            ["actor"] = Actors.Operator,
            ["description"] = "小区门口垃圾",
            ["callerName"] = "刘先生",
            ["callerPhone"] = "13812345678",
            ["address"] = "多福巷12号",
            ["longitude"] = longitude,
            ["latitude"] = latitude,
        };
        body[field] = new string('9', length);

        var problem = await (await silo.PostJsonAsync("/api/tickets", body)).ProblemAsync(400);

        problem.GetProperty("errors").TryGetProperty(field, out _).Should().BeTrue(problem.GetRawText());
        (await silo.ReceiveAsync()).Id().Should().EndWith("-000001", "the refused intake took no number");
    }
}
