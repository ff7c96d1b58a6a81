namespace LiveGrid.Silo.Auth;

/// <summary>"LiveGrid:RateLimits": sign-in attempts per client address and user name, intake per signed-in user.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "LiveGrid:RateLimits";

    /// <summary>False turns every limit off (a load test, a trusted network).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>POST /api/auth/token and /api/auth/signin, per client address and user name.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(1) };

    /// <summary>POST /api/tickets (受理), per signed-in user.</summary>
    public RateLimitRule Intake { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };
}
