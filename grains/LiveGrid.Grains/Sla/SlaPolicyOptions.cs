namespace LiveGrid.Grains.Sla;

/// <summary>The SLA table from configuration; see <see cref="SlaPolicy.Create"/>.</summary>
public sealed class SlaPolicyOptions
{
    /// <summary>Start from <see cref="DefaultSlaRules"/>; a configured rule with the same keys replaces a default one.</summary>
    public bool IncludeDefaultRules { get; set; } = true;

    public List<SlaRuleOptions> Rules { get; set; } = [];

    /// <summary>Where the aging buckets begin.</summary>
    public SlaThresholds Aging { get; set; } = new();
}
