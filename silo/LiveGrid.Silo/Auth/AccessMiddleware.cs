using Microsoft.AspNetCore.Authorization;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// After authentication and the fallback policy: applies <see cref="AccessRules"/> to the endpoint the request is
/// routed to and answers 403 problem+json when it refuses, before the endpoint changes anything.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AccessRules rules)
    {
        var endpoint = http.GetEndpoint();
        // No endpoint (static files, 404s), an anonymous route or the push hub (its scopes are checked at subscribe).
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || http.Request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
            || LiveGridUser.From(http.User) is not { } user)
        {
            await next(http);
            return;
        }

        var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        if (await rules.RefuseAsync(name, http, user) is { } refusal)
        {
            await TypedResults.Problem(title: "Forbidden.", detail: refusal, statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(http);
            return;
        }

        await next(http);
    }
}
