namespace LiveGrid.Grains.Sla;

/// <summary>
/// How much of its limit an open ticket has used, as the command center's wall shows it. The names follow the default
/// thresholds (50%, 75%, 100%); where the buckets begin is set by <see cref="SlaThresholds"/>.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AgingBucket>))]
public enum AgingBucket
{
    /// <summary>Less than <see cref="SlaThresholds.Midway"/> used.</summary>
    Under50,

    /// <summary>From <see cref="SlaThresholds.Midway"/> up to <see cref="SlaThresholds.Warning"/>.</summary>
    From50To75,

    /// <summary>From <see cref="SlaThresholds.Warning"/> (the warning) up to <see cref="SlaThresholds.Overdue"/>.</summary>
    From75To100,

    /// <summary>At or past <see cref="SlaThresholds.Overdue"/>: the limit is used up.</summary>
    Overdue,
}
