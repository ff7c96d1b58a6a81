using System.Text.Json.Serialization;

namespace LiveGrid.Silo.Live;

/// <summary>
/// One frame of a city or area scope: the latest state of everything that changed in the scope since the previous
/// frame (at most one per <see cref="LiveOptions.FrameInterval"/>). <see cref="Sequence"/> grows by exactly 1 per frame.
/// <see cref="At"/> is the earliest change folded into it, so "now − at" is the frame's worst latency.
/// </summary>
public sealed record BoardDelta
{
    public required string Scope { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The scope's own board (counters, hotspot), when it reported since the last frame.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AreaBrief? Board { get; init; }

    /// <summary>Areas inside the scope whose boards reported, latest per area.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<AreaBrief>? Areas { get; init; }

    /// <summary>Grids whose boards reported, latest per grid.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<GridBrief>? Grids { get; init; }

    /// <summary>
    /// Tickets that changed, latest revision each, only those the board shows: the last <see cref="BoardScope.FeedLength"/>
    /// changed, every one entering, in or leaving the overdue list, and every one entering or in "breaching next".
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LiveTicket>? Tickets { get; init; }

    /// <summary>"Breaching next" (ids, soonest deadline first), when its members or their order changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Breaching { get; init; }
}
