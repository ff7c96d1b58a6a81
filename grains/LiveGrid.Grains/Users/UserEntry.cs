namespace LiveGrid.Grains.Users;

/// <summary>One line of the user directory: who exists, with what roles; never the password hash.</summary>
public sealed record UserEntry(string UserName, IReadOnlyList<string> Roles, string? WorkerId, string? UnitId, bool Enabled)
{
    public static UserEntry From(UserAccount account) =>
        new(account.UserName, account.Roles, account.WorkerId, account.UnitId, account.Enabled);
}
