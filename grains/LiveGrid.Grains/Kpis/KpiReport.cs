namespace LiveGrid.Grains.Kpis;

/// <summary>
/// The measures of domain brief §5 for one period [<see cref="From"/>, <see cref="To"/>) of local days and one scope.
/// Formulas and edge cases are documented on <see cref="KpiEngine"/>.
/// </summary>
public sealed record KpiReport
{
    public required DateOnly From { get; init; }

    /// <summary>Exclusive.</summary>
    public required DateOnly To { get; init; }

    public required string Scope { get; init; }

    /// <summary>How many tickets of the scope the source read (merged duplicates included).</summary>
    public required int Tickets { get; init; }

    /// <summary>按期办结率 (national form).</summary>
    public required KpiRate OnTimeResolution { get; init; }

    /// <summary>Austin 311's on-time rate, which does not hide open overdue work.</summary>
    public required KpiRate OnTimeResolutionAustin { get; init; }

    /// <summary>结案率.</summary>
    public required KpiRate Resolution { get; init; }

    /// <summary>即办率.</summary>
    public required KpiRate ImmediateResolution { get; init; }

    /// <summary>返工率.</summary>
    public required KpiRate Rework { get; init; }

    /// <summary>延期率.</summary>
    public required KpiRate Extension { get; init; }

    /// <summary>退单率.</summary>
    public required KpiRate Return { get; init; }

    /// <summary>回访率.</summary>
    public required KpiRate Callback { get; init; }

    /// <summary>响应率 (三率).</summary>
    public required KpiRate Response { get; init; }

    /// <summary>解决率 (三率).</summary>
    public required KpiRate Solved { get; init; }

    /// <summary>满意率 (三率).</summary>
    public required KpiRate Satisfaction { get; init; }

    /// <summary>Where resolved: the share of each level (网格/社区/街道/区), grid first.</summary>
    public required IReadOnlyList<KpiRate> ResolvedAtLevel { get; init; }

    /// <summary>巡查覆盖率 (completed / scheduled patrols), or null when the patrols were not loaded.</summary>
    public KpiRate? PatrolCoverage { get; init; }

    /// <summary>The board's today tiles recomputed for this period, by the board's definitions.</summary>
    public required KpiBoardFigures Board { get; init; }
}
