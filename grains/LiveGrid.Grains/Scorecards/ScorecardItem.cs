namespace LiveGrid.Grains.Scorecards;

/// <summary>One item of the 千分制 scorecard: how many points it is worth and how its measure earns them.</summary>
/// <param name="Key">Stable key ("onTime"), used in the API and the report's columns.</param>
/// <param name="Name">The item in the domain's words (按期办结).</param>
/// <param name="MaxPoints">The most the item gives; the items of a scorecard add up to <see cref="Scorecard.TotalPoints"/>.</param>
/// <param name="Floor">Linear: the rate at or below which the item gives 0.</param>
/// <param name="Target">Linear: the rate at or above which the item gives full points.</param>
/// <param name="PointsEach">Deduct/Award: points per occurrence.</param>
public sealed record ScorecardItem(
    string Key, string Name, double MaxPoints, ScorecardMeasure Measure, ScorecardRule Rule, double Floor = 0, double Target = 1, double PointsEach = 0)
{
    /// <summary>Whether the measure is a rate (scored <see cref="ScorecardRule.Linear"/>) rather than a count.</summary>
    public static bool IsRate(ScorecardMeasure measure) => measure is ScorecardMeasure.OnTimeResolution or ScorecardMeasure.Response
        or ScorecardMeasure.Satisfaction or ScorecardMeasure.Solved or ScorecardMeasure.Callback or ScorecardMeasure.PatrolCoverage;

    /// <summary>
    /// The points for a rate (null when nothing was counted) or a count, rounded to 2 decimals.
    /// </summary>
    public double Points(double? rate, int count)
    {
        var points = Rule switch
        {
            ScorecardRule.Linear => rate is not { } r ? MaxPoints
                : r >= Target ? MaxPoints
                : r <= Floor ? 0
                : MaxPoints * (r - Floor) / (Target - Floor),
            ScorecardRule.Deduct => Math.Max(0, MaxPoints - (count * PointsEach)),
            _ => Math.Min(MaxPoints, count * PointsEach),
        };
        return Math.Round(points, 2, MidpointRounding.AwayFromZero);
    }
}
