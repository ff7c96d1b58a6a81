using LiveGrid.Runtime;

namespace LiveGrid.Bench.Grains;

/// <summary>A small grain with persistent state, for the idle-activation footprint.</summary>
public interface IStatefulGrain : IGrainWithStringKey
{
    Task<int> GetCount();
}
