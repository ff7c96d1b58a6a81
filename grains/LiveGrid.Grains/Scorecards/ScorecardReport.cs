namespace LiveGrid.Grains.Scorecards;

/// <summary>The 千分制 scorecard of a period [<see cref="From"/>, <see cref="To"/>) and scope: the items, the workers (best first) and the roll-ups.</summary>
public sealed record ScorecardReport
{
    public required DateOnly From { get; init; }

    /// <summary>Exclusive.</summary>
    public required DateOnly To { get; init; }

    public required string Scope { get; init; }

    public required IReadOnlyList<ScorecardItem> Items { get; init; }

    /// <summary>The scope's workers, by total (highest first), then id.</summary>
    public required IReadOnlyList<ScorecardLine> Workers { get; init; }

    /// <summary>The streets, communities and grids of the scope that have workers, by code (a street before its communities, each before its grids).</summary>
    public required IReadOnlyList<ScorecardLine> Areas { get; init; }
}
