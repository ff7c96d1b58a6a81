namespace LiveGrid.Grains.Users;

/// <summary>What the <see cref="UserDirectoryGrain"/> keeps durable: entries by normalized user name.</summary>
public sealed class UserDirectoryState
{
    public Dictionary<string, UserEntry> Users { get; set; } = new(StringComparer.Ordinal);
}
