using LiveGrid.Runtime;

namespace LiveGrid.Grains.Users;

/// <summary>Every sign-in account by name (key: <see cref="Key"/>), for the administrator's list. User grains report to it.</summary>
public interface IUserDirectoryGrain : IGrainWithStringKey
{
    public const string Key = "users";

    /// <summary>Adds or replaces the entry of that user name.</summary>
    Task Register(UserEntry entry);

    /// <summary>Every account, by user name.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<UserEntry>> List();
}
