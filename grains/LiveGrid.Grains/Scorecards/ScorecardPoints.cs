namespace LiveGrid.Grains.Scorecards;

/// <summary>What one item gave: its points and the figure they came from (a rate, or a count of occurrences).</summary>
/// <param name="Rate">For a rate item: the rate, or null when nothing was counted (then full points); for a roll-up, null.</param>
/// <param name="Count">For a count item: the occurrences; for a rate item, the rate's denominator; for a roll-up, the sum over its workers.</param>
public sealed record ScorecardPoints(string Key, double Points, double? Rate, int Count);
