using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Scorecards;

/// <summary>What a scorecard line scores: one worker, or the workers of an area rolled up.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScorecardLineKind>))]
public enum ScorecardLineKind
{
    Worker,
    Grid,
    Community,
    Street,
}
