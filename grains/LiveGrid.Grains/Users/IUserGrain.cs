using LiveGrid.Runtime;

namespace LiveGrid.Grains.Users;

/// <summary>One sign-in account (key: <see cref="UserNames.Normalize"/> of the user name). Registers itself in the directory.</summary>
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>The account, or null when there is none.</summary>
    [AlwaysInterleave]
    Task<UserAccount?> Get();

    /// <summary>Creates the account; false (and nothing changes) when it exists already.</summary>
    Task<bool> Create(UserAccount account);

    /// <summary>Creates or replaces the account.</summary>
    Task<UserAccount> Save(UserAccount account);
}
