namespace LiveGrid.Grains.Sla;

/// <summary>
/// One SLA rule as configuration spells it: keys as text ("*" or empty for any; priority and kind in English or
/// Chinese, e.g. "Urgent" or "紧急") and limits as text ("24h", "3wd"; empty for "not set by this rule").
/// </summary>
public sealed class SlaRuleOptions
{
    public string Category { get; set; } = SlaPolicy.Wildcard;

    public string? Priority { get; set; }

    public string? Kind { get; set; }

    public string? Dispatch { get; set; }

    public string? Accept { get; set; }

    public string? Resolve { get; set; }

    public string? CallBack { get; set; }
}
