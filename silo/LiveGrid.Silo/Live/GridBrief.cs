using LiveGrid.Grains.Boards;

namespace LiveGrid.Silo.Live;

/// <summary>A grid as the city and area maps colour it: its counters and its hotspot score now.</summary>
public sealed record GridBrief(string Code, string Name, double Hotspot, BoardCounters Counters);
