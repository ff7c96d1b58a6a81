using System.Net;
using System.Net.Http.Json;
using LiveGrid.Silo.Auth;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Auth;

/// <summary>The framework's rate limiter on sign-in (per address and user name) and intake (per user): 429 problem+json with Retry-After.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_429_with_retry_after_for_that_user_name_only()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveGrid:RateLimits:SignIn:PermitLimit"] = "3",
            ["LiveGrid:RateLimits:SignIn:Window"] = "00:10:00",
        });
        using var anonymous = silo.Anonymous();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "victim", password = "guess-number-" + attempt })).ProblemAsync(401);
        }

        var limited = await anonymous.PostAsJsonAsync("/api/auth/signin", new { userName = "VICTIM", password = "guess-number-4" });

        var problem = await limited.ProblemAsync(429);
        problem.GetProperty("retryAfterSeconds").GetInt32().Should().BePositive();
        limited.Headers.RetryAfter!.Delta!.Value.Should().BePositive().And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        // Another user name from the same address is not held back by the guesses at "victim".
        (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = TestUsers.AdminUserName, password = TestUsers.AdminPassword }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Intake_beyond_the_limit_is_429_with_retry_after_per_user_and_takes_nothing_in()
    {
        await using var silo = await ApiSilo.StartAsync(settings: new Dictionary<string, string?>
        {
            ["LiveGrid:RateLimits:Intake:PermitLimit"] = "2",
            ["LiveGrid:RateLimits:Intake:Window"] = "00:10:00",
        });
        using var first = await silo.ClientAsAsync(LiveGridRoles.Operator);
        using var second = await silo.ClientAsAsync(LiveGridRoles.Operator);
        var ticket = Intake(await Actors.SignedInAsync(first, "HotlineOperator"));
        (await first.PostAsJsonAsync("/api/tickets", ticket)).StatusCode.Should().Be(HttpStatusCode.Created);
        (await first.PostAsJsonAsync("/api/tickets", ticket)).StatusCode.Should().Be(HttpStatusCode.Created);

        var limited = await first.PostAsJsonAsync("/api/tickets", ticket);

        await limited.ProblemAsync(429);
        limited.Headers.RetryAfter!.Delta!.Value.Should().BePositive();
        var secondTicket = Intake(await Actors.SignedInAsync(second, "HotlineOperator"));
        (await second.PostAsJsonAsync("/api/tickets", secondTicket)).StatusCode.Should().Be(HttpStatusCode.Created, "the limit is per user");
        // Only the three accepted intakes drew ticket numbers: the refused one took nothing in.
        var third = await (await second.PostAsJsonAsync("/api/tickets", secondTicket)).JsonAsync();
        third.GetProperty("summary").GetProperty("id").GetString().Should().EndWith("000004");
    }

    private static object Intake(object actor) => new
    {
        actor,
        description = "路灯不亮",
        source = "Hotline",
        category = "暴露垃圾",
        gridCode = LiveGrid.Grains.Tests.Support.TestCity.Grid1,
    };
}
