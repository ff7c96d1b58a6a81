using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Users;

/// <summary>The list of sign-in accounts. It calls nothing: user grains register with it.</summary>
public sealed class UserDirectoryGrain([PersistentState("users")] IPersistentState<UserDirectoryState> state) : Grain, IUserDirectoryGrain
{
    public async Task Register(UserEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        state.State.Users[UserNames.Normalize(entry.UserName)] = entry;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<UserEntry>> List() =>
        Task.FromResult<IReadOnlyList<UserEntry>>(
            [.. state.State.Users.Values.OrderBy(entry => entry.UserName, StringComparer.OrdinalIgnoreCase)]);
}
