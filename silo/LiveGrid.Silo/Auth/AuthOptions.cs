namespace LiveGrid.Silo.Auth;

/// <summary>Sign-in settings ("LiveGrid:Auth").</summary>
public sealed class AuthOptions
{
    public const string SectionName = "LiveGrid:Auth";

    /// <summary>The demo users' password unless "LiveGrid:Auth:DemoPassword" says otherwise (README lists the users).</summary>
    public const string DefaultDemoPassword = "LiveGrid-demo-2026";

    /// <summary>The first administrator, created at start when no user of that name exists.</summary>
    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>The password of the demo city's users (created when the demo city loads).</summary>
    public string DemoPassword { get; set; } = DefaultDemoPassword;

    /// <summary>How long a bearer token from /api/auth/token is good for.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a web sign-in lasts (sliding).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromHours(8);
}
