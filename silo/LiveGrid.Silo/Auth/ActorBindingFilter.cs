using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Auth;

/// <summary>Refuses (403 problem+json, nothing done) a request whose body names an actor other than the signed-in user.</summary>
public sealed class ActorBindingFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (LiveGridUser.From(context.HttpContext.User) is { } user)
        {
            foreach (var request in context.Arguments.OfType<IActorRequest>())
            {
                if (ActorBinding.Refuse(user, request.Actor) is { } refusal)
                {
                    return TypedResults.Problem(title: "Forbidden.", detail: refusal, statusCode: StatusCodes.Status403Forbidden);
                }
            }
        }

        return await next(context);
    }
}
