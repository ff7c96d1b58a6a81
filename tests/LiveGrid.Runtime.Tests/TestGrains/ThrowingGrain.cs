using LiveGrid.Runtime.State;

namespace LiveGrid.Runtime.Tests.TestGrains;

public sealed class ThrowingGrain([PersistentState("state")] IPersistentState<CounterState> state) : Grain, IThrowingGrain
{
    private int _inMemory;

    public Task ThrowSync(string message) => throw new InvalidOperationException(message);

    public async Task<int> ThrowAsync(string message)
    {
        await Task.Yield();
        throw new TicketRejectedException(message);
    }

    public ValueTask<int> ThrowFromValueTask(string message) => throw new ArgumentException(message);

    public async Task<int> Increment()
    {
        _inMemory++;
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> GetInMemoryCount() => Task.FromResult(_inMemory);
}
