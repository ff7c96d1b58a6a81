namespace LiveGrid.Silo.Auth;

/// <summary>The body of POST /api/users (administrators).</summary>
public sealed record CreateUserRequest(string? UserName, string? Password, IReadOnlyList<string>? Roles, string? WorkerId, string? UnitId);
