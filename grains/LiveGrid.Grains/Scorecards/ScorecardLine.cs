namespace LiveGrid.Grains.Scorecards;

/// <summary>
/// One row of the scorecard: a worker's points per item and total, or an area's roll-up, which is the mean of its
/// workers' points (each item and the total), so a grid with three workers and one with one compare fairly.
/// </summary>
/// <param name="Code">The worker's id, or the area's territory code.</param>
/// <param name="GridCode">The worker's grid; for an area, its own code.</param>
/// <param name="Workers">1 for a worker; how many workers the roll-up averages.</param>
/// <param name="Items">In the scorecard's item order.</param>
/// <param name="Total">The sum of the item points (for a roll-up, the mean of the workers' totals), 2 decimals.</param>
public sealed record ScorecardLine(
    ScorecardLineKind Kind, string Code, string Name, string GridCode, int Workers, IReadOnlyList<ScorecardPoints> Items, double Total);
