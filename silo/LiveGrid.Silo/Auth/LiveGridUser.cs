using System.Security.Claims;

namespace LiveGrid.Silo.Auth;

/// <summary>The signed-in user as the access rules read it: name, roles, and the worker or unit the account is bound to.</summary>
public sealed record LiveGridUser(string Name, IReadOnlySet<string> Roles, string? WorkerId, string? UnitId)
{
    public bool IsAdministrator => Roles.Contains(LiveGridRoles.Administrator);

    /// <summary>True when the user holds one of <paramref name="roles"/>; an administrator holds them all.</summary>
    public bool IsAny(params string[] roles) => IsAdministrator || roles.Any(Roles.Contains);

    public bool Is(string role) => Roles.Contains(role);

    public static LiveGridUser? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true } identity)
        {
            return null;
        }

        var roles = principal.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToHashSet(StringComparer.Ordinal);
        return new LiveGridUser(
            identity.Name ?? "", roles, principal.FindFirstValue(LiveGridClaims.Worker), principal.FindFirstValue(LiveGridClaims.Unit));
    }
}
