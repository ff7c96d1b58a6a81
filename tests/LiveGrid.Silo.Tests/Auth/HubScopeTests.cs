using System.Net;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Live;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>Every role against every hub scope kind: Subscribe and Resume return for the allowed ones and fail with "Forbidden" for the rest.</summary>
public sealed class HubScopeTests(RoleCity city) : IClassFixture<RoleCity>
{
    private static readonly string[] CityReaders = ["admin", "commander", "operator", "assessor"];

    private static readonly (string Scope, string[] Allowed)[] Scopes =
    [
        ("city", CityReaders),
        ($"area:{TestCity.Street}", CityReaders),
        ($"grid:{TestCity.Grid1}", [.. CityReaders, "worker-w1a"]),
        ($"grid:{TestCity.Grid3}", [.. CityReaders, "worker-w3a"]),
        ("worker:w1a", [.. CityReaders, "worker-w1a"]),
        ("ticket:{grid1}", [.. CityReaders, "worker-w1a"]),
        ("ticket:{municipal}", [.. CityReaders, "handler-szss", "worker-w1a"]),
        ("ticket:{grid3}", [.. CityReaders, "worker-w3a"]),
    ];

    public static TheoryData<string> Users()
    {
        var rows = new TheoryData<string>();
        foreach (var user in RoleCity.Users)
        {
            rows.Add(user);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Each_role_subscribes_to_its_scopes_and_is_refused_the_others(string user)
    {
        await using var client = await LiveClient.ConnectAsync(city.Silo, city.Token(user));
        var wrong = new List<string>();
        foreach (var (template, allowed) in Scopes)
        {
            var scope = template
                .Replace("{grid1}", city.Grid1Ticket, StringComparison.Ordinal)
                .Replace("{grid3}", city.Grid3Ticket, StringComparison.Ordinal)
                .Replace("{municipal}", city.MunicipalTicket, StringComparison.Ordinal);
            var may = allowed.Contains(user);
            wrong.AddRange(await CheckAsync("Subscribe", scope, may, () => client.SubscribeAsync(scope)));
            wrong.AddRange(await CheckAsync("Resume", scope, may, () => client.ResumeAsync(scope, 0)));
        }

        wrong.Should().BeEmpty("user {0} must get exactly its scopes", user);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_sign_in()
    {
        var connect = () => LiveClient.ConnectAsync(city.Silo, accessToken: "not-a-token");

        (await connect.Should().ThrowAsync<HttpRequestException>()).Which.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static async Task<IEnumerable<string>> CheckAsync(string method, string scope, bool may, Func<Task> call)
    {
        try
        {
            await call();
            return may ? [] : [$"{method}({scope}) was allowed"];
        }
        catch (HubException ex) when (ex.Message.Contains("Forbidden", StringComparison.Ordinal))
        {
            return may ? [$"{method}({scope}) was refused: {ex.Message}"] : [];
        }
    }
}
