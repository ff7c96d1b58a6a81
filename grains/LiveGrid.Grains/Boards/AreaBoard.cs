using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Boards;

/// <summary>The live board of a street, a district or the city: its children's counters summed, and each child.</summary>
public sealed record AreaBoard
{
    /// <summary>The territory code, or "city".</summary>
    public required string Code { get; init; }

    public required string Name { get; init; }

    /// <summary>Null for the city.</summary>
    public TerritoryLevel? Level { get; init; }

    public required long Version { get; init; }

    public required BoardCounters Counters { get; init; }

    /// <summary>The children's hotspot scores summed, decayed to <see cref="ReadAt"/>.</summary>
    public required double Hotspot { get; init; }

    public required IReadOnlyList<AreaChild> Children { get; init; }

    /// <summary>The open tickets whose deadlines come next, soonest first.</summary>
    public required IReadOnlyList<BreachCandidate> BreachingNext { get; init; }

    public required DateTimeOffset ReadAt { get; init; }
}
