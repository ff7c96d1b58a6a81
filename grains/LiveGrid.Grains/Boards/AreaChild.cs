using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Boards;

/// <summary>
/// What one grid or area reports to its parent area: its whole current board in brief. The parent keeps the
/// highest <see cref="Version"/> per child and ignores older ones, so reports may repeat and arrive late.
/// </summary>
public sealed record AreaChild(
    string Code,
    string Name,
    TerritoryLevel Level,
    long Version,
    BoardCounters Counters,
    HotspotScore Hotspot,
    IReadOnlyList<BreachCandidate> BreachingNext);
