namespace LiveGrid.Grains.Sla;

/// <summary>
/// An SLA clock read at one instant. Durations are in the limit's own measure: working time for working-hour and
/// working-day limits, clock time for natural ones; suspended time never counts.
/// </summary>
public sealed record SlaReading
{
    /// <summary>The instant read.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// When the limit is (or was) used up. While suspended, computed as if the clock resumed at <see cref="At"/>; it
    /// moves later for as long as the suspension lasts.
    /// </summary>
    public required DateTimeOffset Deadline { get; init; }

    public required bool IsSuspended { get; init; }

    /// <summary>The whole limit, extensions included.</summary>
    public required TimeSpan Budget { get; init; }

    public required TimeSpan Used { get; init; }

    /// <summary><see cref="Budget"/> minus <see cref="Used"/>; negative once overdue.</summary>
    public required TimeSpan Remaining { get; init; }

    /// <summary><see cref="Used"/> / <see cref="Budget"/>; above 1 once overdue. For display: buckets are decided exactly.</summary>
    public required double UsedFraction { get; init; }

    public required AgingBucket Bucket { get; init; }

    /// <summary>When the next bucket begins, or null if overdue already or suspended (nothing moves until resumed).</summary>
    public required DateTimeOffset? NextThresholdAt { get; init; }

    public bool IsOverdue => Bucket == AgingBucket.Overdue;
}
