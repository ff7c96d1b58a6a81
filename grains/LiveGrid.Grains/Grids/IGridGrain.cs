using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Grids;

/// <summary>
/// One grid's live state (key: the 15-digit grid code): its open tickets by state and aging, today's counters and
/// patrols, the hotspot score and recent events. Tickets and inspections report to it; it reports to its street.
/// It never calls a ticket or an inspection (calls flow inspection → ticket → grid → areas, never back).
/// </summary>
public interface IGridGrain : IGrainWithStringKey
{
    /// <summary>A ticket's current summary; ignored when older than the one the grid has.</summary>
    Task TrackTicket(TicketSummary summary);

    /// <summary>An inspection's current summary; ignored when older than the one the grid has.</summary>
    Task TrackInspection(InspectionSummary summary);

    [AlwaysInterleave]
    Task<GridBoard> GetBoard();

    [AlwaysInterleave]
    Task<AreaChild> GetReport();
}
