using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace LiveGrid.Silo.Auth;

/// <summary>The authentication schemes: <see cref="Select"/> forwards to bearer or cookie per request.</summary>
public static class LiveGridAuthSchemes
{
    /// <summary>The default scheme: bearer when the request carries a token, else the cookie.</summary>
    public const string Select = "LiveGrid";

    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string Bearer = BearerTokenDefaults.AuthenticationScheme;

    /// <summary>SignalR sends the token in this query parameter on WebSocket and SSE requests.</summary>
    public const string AccessTokenQuery = "access_token";
}
