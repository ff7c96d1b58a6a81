using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Scorecards;

/// <summary>How an item turns its measure into points, between 0 and the item's maximum.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScorecardRule>))]
public enum ScorecardRule
{
    /// <summary>
    /// For a rate: 0 points at or below <see cref="ScorecardItem.Floor"/>, full points at or above
    /// <see cref="ScorecardItem.Target"/>, linear between. A rate with nothing to count (denominator 0, e.g. no tickets
    /// due in the period) scores full points: there was nothing to fail.
    /// </summary>
    Linear,

    /// <summary>For a count: full points less <see cref="ScorecardItem.PointsEach"/> per occurrence, never below 0.</summary>
    Deduct,

    /// <summary>For a count: <see cref="ScorecardItem.PointsEach"/> per occurrence, never above the maximum.</summary>
    Award,
}
