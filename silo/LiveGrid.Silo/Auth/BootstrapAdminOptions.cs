namespace LiveGrid.Silo.Auth;

/// <summary>"LiveGrid:Auth:BootstrapAdmin": the administrator made at start when the store has no user of that name.</summary>
public sealed class BootstrapAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(UserName) && !string.IsNullOrEmpty(Password);
}
