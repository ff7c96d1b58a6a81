namespace LiveGrid.Grains.Sla;

/// <summary>
/// One row of the SLA table: which tickets it applies to (<see cref="SlaPolicy.Wildcard"/> or null for "any") and
/// the limits it sets. A stage the rule leaves null is taken from the next less specific rule that sets it.
/// </summary>
public sealed record SlaRule
{
    public SlaRule(string category, Priority? priority, RequestKind? kind, SlaLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        ArgumentNullException.ThrowIfNull(limits);
        if (priority is { } p && !Enum.IsDefined(p))
        {
            throw new ArgumentOutOfRangeException(nameof(priority), priority, null);
        }

        if (kind is { } k && !Enum.IsDefined(k))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        foreach (var stage in Enum.GetValues<SlaStage>())
        {
            if (limits.For(stage) is { IsValid: false } bad)
            {
                throw new ArgumentException($"Rule {Describe(category, priority, kind)}: {stage} limit {bad} is not a valid limit.", nameof(limits));
            }
        }

        Category = category.Trim();
        Priority = priority;
        Kind = kind;
        Limits = limits;
    }

    /// <summary>A category code from configuration, or <see cref="SlaPolicy.Wildcard"/>.</summary>
    public string Category { get; }

    public Priority? Priority { get; }

    public RequestKind? Kind { get; }

    public SlaLimits Limits { get; }

    /// <summary>
    /// How specific the rule is: first by how many keys it fixes, then (between rules fixing as many) priority before
    /// category before request kind, because "urgent" must beat a category's default: an urgent water outage is
    /// dispatched within the hour, not the two hours utilities otherwise get.
    /// </summary>
    public int Specificity
    {
        get
        {
            var hasCategory = Category != SlaPolicy.Wildcard;
            var keys = (hasCategory ? 1 : 0) + (Priority is null ? 0 : 1) + (Kind is null ? 0 : 1);
            return (keys * 8) + (Priority is null ? 0 : 4) + (hasCategory ? 2 : 0) + (Kind is null ? 0 : 1);
        }
    }

    public bool Matches(string category, Priority priority, RequestKind kind) =>
        (Category == SlaPolicy.Wildcard || string.Equals(Category, category, StringComparison.Ordinal))
        && (Priority is null || Priority == priority)
        && (Kind is null || Kind == kind);

    public override string ToString() => $"{Describe(Category, Priority, Kind)}: {Limits}";

    internal static string Describe(string category, Priority? priority, RequestKind? kind) =>
        $"({category}, {priority?.ToString() ?? SlaPolicy.Wildcard}, {kind?.ToString() ?? SlaPolicy.Wildcard})";
}
