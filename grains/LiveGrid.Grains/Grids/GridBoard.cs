using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Grids;

/// <summary>A grid's live state as the board shows it.</summary>
public sealed record GridBoard
{
    public required string GridCode { get; init; }

    public required string Name { get; init; }

    public required long Version { get; init; }

    public required BoardCounters Counters { get; init; }

    /// <summary>Decayed to <see cref="ReadAt"/>.</summary>
    public required double Hotspot { get; init; }

    /// <summary>Open tickets of the grid, the next deadline first.</summary>
    public required IReadOnlyList<TicketSummary> OpenTickets { get; init; }

    /// <summary>Today's patrols of the grid.</summary>
    public required IReadOnlyList<InspectionSummary> PatrolsToday { get; init; }

    /// <summary>The latest events, newest first (at most 20).</summary>
    public required IReadOnlyList<RecentEvent> RecentEvents { get; init; }

    public required DateTimeOffset ReadAt { get; init; }
}
