namespace LiveGrid.Silo.Auth;

/// <summary>An account to create, as the API or the CLI received it (the password in clear, hashed before it is stored).</summary>
public sealed record NewUser(string? UserName, string? Password, IReadOnlyList<string>? Roles, string? WorkerId = null, string? UnitId = null);
