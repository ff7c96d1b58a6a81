using LiveGrid.Runtime;

namespace LiveGrid.Bench.Grains;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
