using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Users;

/// <summary>One sign-in account, durable before the call returns; then listed in the <see cref="IUserDirectoryGrain"/>.</summary>
public sealed class UserGrain([PersistentState("user")] IPersistentState<UserState> state) : Grain, IUserGrain
{
    public Task<UserAccount?> Get() => Task.FromResult(state.State.Account);

    public async Task<bool> Create(UserAccount account)
    {
        if (state.State.Account is not null)
        {
            return false;
        }

        await Save(account);
        return true;
    }

    public async Task<UserAccount> Save(UserAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (UserNames.Normalize(account.UserName) != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"The account {account.UserName} does not belong to user grain {this.GetPrimaryKeyString()}.", nameof(account));
        }

        state.State.Account = account;
        await state.WriteStateAsync();
        // After the write: a directory entry always names an account that exists.
        await GrainFactory.GetGrain<IUserDirectoryGrain>(IUserDirectoryGrain.Key).Register(UserEntry.From(account));
        return account;
    }
}
