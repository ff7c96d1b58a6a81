using LiveGrid.Runtime;

namespace LiveGrid.Bench.Grains;

/// <summary>The cheapest useful call: a value in, a value out.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<int> Ping(int value);
}
