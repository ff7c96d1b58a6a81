using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Inspections;

namespace LiveGrid.Grains.Grids;

/// <summary>
/// What a grid persists: only what cannot be derived. Tickets come back from the ticket catalog on activation;
/// inspections of today and later, the decayed rate of patrol findings and the activation epoch (for versions) do not.
/// </summary>
public sealed record GridState
{
    /// <summary>Counts activations; the high half of every version the grid reports.</summary>
    public long Epoch { get; init; }

    /// <summary>Inspections whose window starts today or later (local date), latest version each.</summary>
    public IReadOnlyList<InspectionSummary> Inspections { get; init; } = [];

    /// <summary>The decayed rate of patrol findings (each finding adds 1 when the grid hears of it).</summary>
    public HotspotScore? FindingsHotspot { get; init; }
}
