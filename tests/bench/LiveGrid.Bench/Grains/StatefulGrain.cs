using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Bench.Grains;

public sealed class StatefulGrain([PersistentState("small")] IPersistentState<SmallState> state) : Grain, IStatefulGrain
{
    public Task<int> GetCount() => Task.FromResult(state.State.Count);
}
