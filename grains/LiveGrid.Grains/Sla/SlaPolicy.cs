namespace LiveGrid.Grains.Sla;

/// <summary>
/// The table of time limits keyed by (category, priority, request kind), each key possibly a wildcard. For each stage
/// the most specific matching rule that sets that stage wins (see <see cref="SlaRule.Specificity"/>), so a rule for
/// exposed rubbish that sets only the resolve limit leaves dispatch to the general rule. Immutable and thread-safe.
/// </summary>
public sealed class SlaPolicy
{
    public const string Wildcard = "*";

    private static readonly Lazy<SlaPolicy> DefaultPolicy = new(() => new SlaPolicy(DefaultSlaRules.All));

    private readonly SlaRule[] _bySpecificity;
    private readonly SlaThresholds _aging;

    public SlaPolicy(IEnumerable<SlaRule> rules, SlaThresholds? aging = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToArray();
        var seen = new HashSet<(string, Priority?, RequestKind?)>();
        foreach (var rule in list)
        {
            if (!seen.Add((rule.Category, rule.Priority, rule.Kind)))
            {
                throw new ArgumentException($"SLA rule {SlaRule.Describe(rule.Category, rule.Priority, rule.Kind)} is given twice.", nameof(rules));
            }
        }

        Rules = Array.AsReadOnly(list);
        _bySpecificity = list.OrderByDescending(r => r.Specificity).ToArray();
        _aging = (aging ?? new SlaThresholds()).Validated();
    }

    /// <summary>The table of <see cref="DefaultSlaRules"/> with default aging thresholds.</summary>
    public static SlaPolicy Default => DefaultPolicy.Value;

    public IReadOnlyList<SlaRule> Rules { get; }

    /// <summary>Where the aging buckets begin (a copy: the policy stays immutable).</summary>
    public SlaThresholds Aging => _aging.Validated();

    /// <summary>Builds the policy from configuration; errors name the rule and the stage.</summary>
    public static SlaPolicy Create(SlaPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = new List<SlaRule>();
        for (var i = 0; i < (options.Rules ?? []).Count; i++)
        {
            configured.Add(ToRule(options.Rules![i], i));
        }

        var rules = new List<SlaRule>(configured);
        if (options.IncludeDefaultRules)
        {
            var keys = configured.Select(r => (r.Category, r.Priority, r.Kind)).ToHashSet();
            rules.AddRange(DefaultSlaRules.All.Where(r => !keys.Contains((r.Category, r.Priority, r.Kind))));
        }

        return new SlaPolicy(rules, options.Aging);
    }

    /// <summary>The limit of each stage for a ticket of this category, priority and kind.</summary>
    public SlaLimits LimitsFor(string category, Priority priority, RequestKind kind) => new(
        LimitFor(SlaStage.Dispatch, category, priority, kind),
        LimitFor(SlaStage.Accept, category, priority, kind),
        LimitFor(SlaStage.Resolve, category, priority, kind),
        LimitFor(SlaStage.CallBack, category, priority, kind));

    /// <summary>The limit of one stage, or null if no matching rule sets it.</summary>
    public TimeLimit? LimitFor(SlaStage stage, string category, Priority priority, RequestKind kind) =>
        RuleFor(stage, category, priority, kind)?.Limits.For(stage);

    /// <summary>The rule that decides <paramref name="stage"/>'s limit (to show "why this deadline"), or null.</summary>
    public SlaRule? RuleFor(SlaStage stage, string category, Priority priority, RequestKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        foreach (var rule in _bySpecificity)
        {
            if (rule.Limits.For(stage) is not null && rule.Matches(category, priority, kind))
            {
                return rule;
            }
        }

        return null;
    }

    private static SlaRule ToRule(SlaRuleOptions options, int index)
    {
        var where = $"SLA rule #{index + 1} ({options.Category}, {options.Priority ?? Wildcard}, {options.Kind ?? Wildcard})";
        var category = string.IsNullOrWhiteSpace(options.Category) ? Wildcard : options.Category.Trim();

        Priority? priority = null;
        if (!IsWildcard(options.Priority))
        {
            priority = DomainTerms.TryParsePriority(options.Priority, out var p)
                ? p
                : throw new ArgumentException($"{where}: priority '{options.Priority}' is unknown; use Urgent/紧急, Normal/一般 or *.");
        }

        RequestKind? kind = null;
        if (!IsWildcard(options.Kind))
        {
            kind = DomainTerms.TryParseRequestKind(options.Kind, out var k)
                ? k
                : throw new ArgumentException($"{where}: request kind '{options.Kind}' is unknown; use one of {string.Join(", ", Enum.GetValues<RequestKind>().Select(v => $"{v}/{v.ToChinese()}"))} or *.");
        }

        return new SlaRule(category, priority, kind, new SlaLimits(
            Limit(options.Dispatch, SlaStage.Dispatch),
            Limit(options.Accept, SlaStage.Accept),
            Limit(options.Resolve, SlaStage.Resolve),
            Limit(options.CallBack, SlaStage.CallBack)));

        TimeLimit? Limit(string? text, SlaStage stage)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            return TimeLimit.TryParse(text, out var limit, out var error)
                ? limit
                : throw new ArgumentException($"{where}, {stage}: {error}");
        }
    }

    private static bool IsWildcard(string? key) => string.IsNullOrWhiteSpace(key) || key.Trim() == Wildcard;
}
