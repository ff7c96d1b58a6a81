using LiveGrid.Grains.Sla;

namespace LiveGrid.Silo.Api.Meta;

/// <summary>One row of the SLA table, limits written as rules state them ("4wh", "3wd"); "*" and null mean any.</summary>
public sealed record SlaRuleResponse(string Category, Priority? Priority, RequestKind? Kind, string? Dispatch, string? Accept, string? Resolve, string? CallBack)
{
    public static SlaRuleResponse From(SlaRule rule) => new(
        rule.Category,
        rule.Priority,
        rule.Kind,
        rule.Limits.Dispatch?.ToString(),
        rule.Limits.Accept?.ToString(),
        rule.Limits.Resolve?.ToString(),
        rule.Limits.CallBack?.ToString());
}
