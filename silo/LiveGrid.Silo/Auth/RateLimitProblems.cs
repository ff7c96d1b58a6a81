using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace LiveGrid.Silo.Auth;

/// <summary>429 problem+json with Retry-After, one way for the sign-in and the intake limits.</summary>
public static class RateLimitProblems
{
    public static TimeSpan RetryAfter(RateLimitLease lease, TimeSpan window) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;

    public static IResult TooMany(HttpResponse response, TimeSpan retryAfter, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            title: "Too many requests.",
            detail: $"Too many {what}; try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests,
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
