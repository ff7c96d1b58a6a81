using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Silo.Live;

/// <summary>An area's board in brief, as a board frame carries it: its counters and its hotspot score (decayed to the frame).</summary>
public sealed record AreaBrief(string Code, string Name, TerritoryLevel? Level, double Hotspot, BoardCounters Counters);
