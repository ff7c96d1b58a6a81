namespace LiveGrid.Grains.Scorecards;

/// <summary>What a scorecard line scores: one worker, or the workers of an area rolled up.</summary>
public enum ScorecardLineKind
{
    Worker,
    Grid,
    Community,
    Street,
}
