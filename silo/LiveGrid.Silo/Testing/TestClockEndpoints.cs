using LiveGrid.Runtime.Hosting;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Testing;

/// <summary>
/// The test-only clock: with LiveGrid:Testing:ManualClock=true the host runs on a <see cref="ControllableClock"/>
/// (starting at LiveGrid:Testing:ClockStart, or now) and GET/POST /api/testing/clock read and move it. Off by
/// default; when off the routes do not exist (404).
/// </summary>
public static class TestClockEndpoints
{
    public const string EnabledKey = "LiveGrid:Testing:ManualClock";

    public const string StartKey = "LiveGrid:Testing:ClockStart";

    public const string Route = "/api/testing/clock";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledKey);

    /// <summary>Makes a <see cref="ControllableClock"/> the host's <see cref="TimeProvider"/> when enabled.</summary>
    public static WebApplicationBuilder AddTestClockIfEnabled(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        var start = builder.Configuration.GetValue<DateTimeOffset?>(StartKey) ?? TimeProvider.System.GetUtcNow();
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(StorageConfiguration.ReadCity(builder.Configuration).TimeZone);
        var clock = new ControllableClock(start, timeZone);
        builder.Services.AddSingleton(clock);
        // Registered last, so it is the clock of the grains, the API and the reminders.
        builder.Services.AddSingleton<TimeProvider>(clock);
        return builder;
    }

    public static IEndpointRouteBuilder MapTestClockIfEnabled(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!IsEnabled(configuration))
        {
            return endpoints;
        }

        var group = endpoints.MapGroup(Route).WithTags("Testing").ExcludeFromDescription();
        group.MapGet("", ([FromServices] ControllableClock clock) => TypedResults.Ok(new TestClockResponse(clock.GetUtcNow())));
        group.MapPost("", AdvanceAsync);
        return endpoints;
    }

    public static async Task<Results<Ok<TestClockResponse>, ValidationProblem>> AdvanceAsync(
        TestClockRequest request, [FromServices] ControllableClock clock, [FromServices] GrainRuntime runtime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if ((request.AdvanceBy is null) == (request.To is null))
        {
            return ApiProblems.Validation("advanceBy", "give either advanceBy (e.g. \"01:00:00\") or to (an ISO-8601 instant), not both");
        }

        var target = request.To ?? now + request.AdvanceBy!.Value;
        if (target < now)
        {
            return ApiProblems.Validation(request.To is null ? "advanceBy" : "to", $"the clock only moves forward; it is {now:O}");
        }

        return TypedResults.Ok(new TestClockResponse(await clock.AdvanceSettledAsync(runtime, target, cancellationToken)));
    }
}
