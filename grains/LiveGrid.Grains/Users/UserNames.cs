namespace LiveGrid.Grains.Users;

/// <summary>User names compare without case or surrounding blanks: the user grain's key is the normalized name.</summary>
public static class UserNames
{
    public static string Normalize(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return userName.Trim().ToUpperInvariant();
    }
}
