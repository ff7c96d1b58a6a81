namespace LiveGrid.Silo.Auth;

/// <summary>The body of POST /api/auth/token and /api/auth/signin.</summary>
public sealed record SignInRequest(string? UserName, string? Password);
