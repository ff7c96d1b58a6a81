namespace LiveGrid.Grains.Users;

/// <summary>
/// A sign-in account as stored: the password only as the host's hash, the roles as role names, and what binds the
/// account to the territory (the grid worker it is, the unit it handles for).
/// </summary>
public sealed record UserAccount
{
    /// <summary>As the user typed it when the account was made.</summary>
    public required string UserName { get; init; }

    /// <summary>The password hash the host's hasher wrote (the grains never see a password).</summary>
    public required string PasswordHash { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The worker this account is (grid workers), or null.</summary>
    public string? WorkerId { get; init; }

    /// <summary>The unit this account handles tickets for (unit handlers), or null.</summary>
    public string? UnitId { get; init; }

    public bool Enabled { get; init; } = true;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
