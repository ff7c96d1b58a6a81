namespace LiveGrid.Silo.Auth;

/// <summary>GET /api/auth/me: who is signed in, what they may do, and the worker (and its grid) or unit they are bound to.</summary>
public sealed record MeResponse(string UserName, IReadOnlyList<string> Roles, string? WorkerId, string? GridCode, string? UnitId);
