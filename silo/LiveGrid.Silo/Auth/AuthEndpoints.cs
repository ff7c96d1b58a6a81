using LiveGrid.Grains.City;
using LiveGrid.Grains.Users;
using LiveGrid.Silo.Api.Common;
using LiveGrid.Silo.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LiveGrid.Silo.Auth;

/// <summary>Sign-in (a bearer token for API clients, a cookie for the web views), who am I, and the administrator's users.</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/token", TokenAsync).AllowAnonymous().WithName("SignInForToken")
            .WithSummary("A bearer token for API clients: {accessToken, tokenType, expiresIn}");
        auth.MapPost("/signin", SignInAsync).AllowAnonymous().WithName("SignIn").WithSummary("Signs the web views in with a cookie");
        auth.MapPost("/signout", (Func<HttpContext, Task<NoContent>>)SignOutAsync).AllowAnonymous().WithName("SignOut");
        auth.MapGet("/me", Me).WithName("GetMe").WithSummary("The signed-in user");

        var users = endpoints.MapGroup("/api/users").WithTags("Auth");
        users.MapGet("/", ListUsersAsync).WithName("ListUsers");
        users.MapPost("/", CreateUserAsync).WithName("CreateUser");
        return endpoints;
    }

    public static async Task<IResult> TokenAsync(
        SignInRequest request, HttpContext http, [FromServices] UserStore users, [FromServices] SignInThrottle throttle)
    {
        if (throttle.Refuse(http, request.UserName) is { } refused)
        {
            return refused;
        }

        if (await users.VerifyAsync(request.UserName, request.Password) is not { } account)
        {
            return WrongCredentials();
        }

        // The bearer handler writes {tokenType, accessToken, expiresIn, refreshToken}; the lifetime is AuthOptions.TokenLifetime.
        return TypedResults.SignIn(users.Principal(account, LiveGridAuthSchemes.Bearer), authenticationScheme: LiveGridAuthSchemes.Bearer);
    }

    public static async Task<IResult> SignInAsync(
        SignInRequest request, HttpContext http, [FromServices] UserStore users, [FromServices] SignInThrottle throttle,
        [FromServices] CityModel city)
    {
        if (throttle.Refuse(http, request.UserName) is { } refused)
        {
            return refused;
        }

        if (await users.VerifyAsync(request.UserName, request.Password) is not { } account)
        {
            return WrongCredentials();
        }

        var principal = users.Principal(account, LiveGridAuthSchemes.Cookie);
        await http.SignInAsync(LiveGridAuthSchemes.Cookie, principal, new AuthenticationProperties { IsPersistent = false });
        return TypedResults.Ok(MeOf(LiveGridUser.From(principal)!, city));
    }

    public static async Task<NoContent> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(LiveGridAuthSchemes.Cookie);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(HttpContext http, [FromServices] CityModel city) =>
        TypedResults.Ok(MeOf(LiveGridUser.From(http.User)!, city));

    public static async Task<Ok<IReadOnlyList<UserEntry>>> ListUsersAsync([FromServices] UserStore users) =>
        TypedResults.Ok(await users.ListAsync());

    public static async Task<Results<Created<UserEntry>, ValidationProblem, ProblemHttpResult>> CreateUserAsync(
        CreateUserRequest request, [FromServices] UserStore users)
    {
        var errors = new ValidationErrors();
        var (outcome, account) = await users.CreateAsync(
            new NewUser(request.UserName, request.Password, request.Roles, request.WorkerId, request.UnitId), errors);
        return outcome switch
        {
            UserCreateOutcome.Created => TypedResults.Created($"/api/users/{Uri.EscapeDataString(account!.UserName)}", UserEntry.From(account)),
            UserCreateOutcome.Exists => ApiProblems.Conflict(
                "The user exists already.", $"There is a user {request.UserName?.Trim()} already.", new Dictionary<string, object?>()),
            _ => ApiProblems.Validation(errors),
        };
    }

    private static MeResponse MeOf(LiveGridUser user, CityModel city) =>
        new(user.Name, [.. user.Roles.Order(StringComparer.Ordinal)], user.WorkerId,
            user.WorkerId is { } worker ? city.Territory.FindWorker(worker)?.GridCode : null, user.UnitId);

    private static ProblemHttpResult WrongCredentials() =>
        TypedResults.Problem(
            title: "Sign-in failed.", detail: "The user name or the password is wrong, or the account is disabled.",
            statusCode: StatusCodes.Status401Unauthorized);
}
