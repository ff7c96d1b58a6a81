using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tests.Sla;

/// <summary>
/// Which rule decides each stage: most keys fixed first; between rules fixing as many, priority before category
/// before request kind; a stage a rule leaves unset falls through to the next rule that sets it.
/// </summary>
public sealed class SlaPolicyTests
{
    private readonly SlaPolicy _policy = SlaPolicy.Default;

    [Theory]
    // General rule only (+ the kind's resolve limit).
    [InlineData("社区服务", Priority.Normal, RequestKind.Inquiry, "24h", "2wh", "3wd", "3wd")]
    [InlineData("社区服务", Priority.Normal, RequestKind.Complaint, "24h", "2wh", "13wd", "3wd")]
    [InlineData("社区服务", Priority.Normal, RequestKind.Report, "24h", "2wh", "13wd", "3wd")]
    [InlineData("社区服务", Priority.Normal, RequestKind.Praise, "24h", "2wh", "3wd", "3wd")]
    // Urgent beats a request kind (both one key): resolve the same day; call-back from the general rule.
    [InlineData("社区服务", Priority.Urgent, RequestKind.Inquiry, "1h", "1h", "0wd", "3wd")]
    // Utilities: dispatch 2h, the rest from the general and kind rules.
    [InlineData(DefaultCategoryCodes.Utilities, Priority.Normal, RequestKind.Help, "2h", "2wh", "3wd", "3wd")]
    // Urgent beats the utilities category: dispatch within the hour.
    [InlineData(DefaultCategoryCodes.Utilities, Priority.Urgent, RequestKind.Help, "1h", "1h", "0wd", "3wd")]
    // A category beats a request kind: exposed rubbish 4wh even for a complaint (13wd by kind).
    [InlineData(DefaultCategoryCodes.ExposedRubbish, Priority.Normal, RequestKind.Complaint, "24h", "2wh", "4wh", "3wd")]
    [InlineData(DefaultCategoryCodes.ExposedRubbish, Priority.Urgent, RequestKind.Complaint, "1h", "1h", "0wd", "3wd")]
    [InlineData(DefaultCategoryCodes.DirtyRoad, Priority.Normal, RequestKind.Inquiry, "24h", "2wh", "5wh", "3wd")]
    [InlineData(DefaultCategoryCodes.IllegalBuildingStopWork, Priority.Normal, RequestKind.Report, "24h", "2wh", "4wh", "3wd")]
    [InlineData(DefaultCategoryCodes.IllegalBuildingDemolition, Priority.Normal, RequestKind.Report, "24h", "2wh", "20wd", "3wd")]
    // Two keys (category + kind) beat one (priority): a reported illegal construction, 48 clock hours, urgent or not.
    [InlineData(DefaultCategoryCodes.IllegalBuilding, Priority.Normal, RequestKind.Report, "24h", "2wh", "48h", "3wd")]
    [InlineData(DefaultCategoryCodes.IllegalBuilding, Priority.Urgent, RequestKind.Report, "1h", "1h", "48h", "3wd")]
    [InlineData(DefaultCategoryCodes.IllegalBuilding, Priority.Normal, RequestKind.Complaint, "24h", "2wh", "13wd", "3wd")]
    public void Default_table_lookup(string category, Priority priority, RequestKind kind, string dispatch, string accept, string resolve, string callBack)
    {
        var limits = _policy.LimitsFor(category, priority, kind);

        limits.Should().Be(new SlaLimits(TimeLimit.Parse(dispatch), TimeLimit.Parse(accept), TimeLimit.Parse(resolve), TimeLimit.Parse(callBack)));
    }

    [Fact]
    public void The_deciding_rule_can_be_shown()
    {
        var rule = _policy.RuleFor(SlaStage.Resolve, DefaultCategoryCodes.ExposedRubbish, Priority.Normal, RequestKind.Complaint);

        rule.Should().NotBeNull();
        rule!.Category.Should().Be(DefaultCategoryCodes.ExposedRubbish);
        rule.Priority.Should().BeNull();
        rule.Kind.Should().BeNull();
    }

    [Fact]
    public void Precedence_on_a_custom_table()
    {
        // One value per rule so each answer names the rule that gave it.
        var policy = new SlaPolicy(
        [
            new SlaRule("*", null, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(1))),
            new SlaRule("*", null, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(2))),
            new SlaRule("C", null, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(3))),
            new SlaRule("*", Priority.Urgent, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(4))),
            new SlaRule("C", null, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(5))),
            new SlaRule("*", Priority.Urgent, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(6))),
            new SlaRule("C", Priority.Urgent, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(7))),
            new SlaRule("C", Priority.Urgent, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(8))),
        ]);

        int Resolve(string category, Priority priority, RequestKind kind) =>
            policy.LimitFor(SlaStage.Resolve, category, priority, kind)!.Value.Amount;

        Resolve("D", Priority.Normal, RequestKind.Inquiry).Should().Be(1, "only the catch-all matches");
        Resolve("D", Priority.Normal, RequestKind.Help).Should().Be(2, "kind alone");
        Resolve("C", Priority.Normal, RequestKind.Inquiry).Should().Be(3, "category alone");
        Resolve("C", Priority.Normal, RequestKind.Help).Should().Be(5, "category + kind beats either alone");
        Resolve("D", Priority.Urgent, RequestKind.Inquiry).Should().Be(4, "priority alone");
        Resolve("D", Priority.Urgent, RequestKind.Help).Should().Be(6, "priority + kind");
        Resolve("C", Priority.Urgent, RequestKind.Inquiry).Should().Be(7, "priority + category");
        Resolve("C", Priority.Urgent, RequestKind.Help).Should().Be(8, "all three keys");
        policy.LimitFor(SlaStage.Dispatch, "C", Priority.Urgent, RequestKind.Help).Should().BeNull("no rule sets dispatch");

        // Ties between one-key rules: priority over category over kind.
        var ties = new SlaPolicy(
        [
            new SlaRule("C", null, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(3))),
            new SlaRule("*", Priority.Urgent, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(4))),
            new SlaRule("*", null, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(2))),
        ]);
        ties.LimitFor(SlaStage.Resolve, "C", Priority.Urgent, RequestKind.Help)!.Value.Amount.Should().Be(4);
        ties.LimitFor(SlaStage.Resolve, "C", Priority.Normal, RequestKind.Help)!.Value.Amount.Should().Be(3);

        // Ties between two-key rules: priority + category over priority + kind over category + kind.
        var pairs = new SlaPolicy(
        [
            new SlaRule("C", null, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(5))),
            new SlaRule("*", Priority.Urgent, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(6))),
            new SlaRule("C", Priority.Urgent, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(7))),
        ]);
        pairs.LimitFor(SlaStage.Resolve, "C", Priority.Urgent, RequestKind.Help)!.Value.Amount.Should().Be(7);
        pairs.LimitFor(SlaStage.Resolve, "D", Priority.Urgent, RequestKind.Help)!.Value.Amount.Should().Be(6);
    }

    [Fact]
    public void Configured_rules_replace_default_rules_with_the_same_keys()
    {
        var policy = SlaPolicy.Create(new SlaPolicyOptions
        {
            Rules =
            [
                new SlaRuleOptions { Category = DefaultCategoryCodes.ExposedRubbish, Resolve = "1wd" },
                new SlaRuleOptions { Category = "*", Priority = "紧急", Kind = "投诉", Resolve = "2wh" },
            ],
        });

        policy.LimitFor(SlaStage.Resolve, DefaultCategoryCodes.ExposedRubbish, Priority.Normal, RequestKind.Help).Should().Be(TimeLimit.WorkingDays(1));
        policy.LimitFor(SlaStage.Resolve, "x", Priority.Urgent, RequestKind.Complaint).Should().Be(TimeLimit.WorkingHours(2));
        policy.LimitFor(SlaStage.Dispatch, "x", Priority.Urgent, RequestKind.Complaint).Should().Be(TimeLimit.Hours(1), "the default urgent rule still sets dispatch");
        policy.Rules.Should().HaveCount(DefaultSlaRules.All.Count + 1, "one configured rule replaced a default, one is new");
    }

    [Fact]
    public void Without_default_rules_only_the_configured_table_applies()
    {
        var policy = SlaPolicy.Create(new SlaPolicyOptions
        {
            IncludeDefaultRules = false,
            Rules = [new SlaRuleOptions { Dispatch = "30h", CallBack = "1d" }],
            Aging = new SlaThresholds { Midway = 0.4, Warning = 0.8 },
        });

        policy.LimitsFor("x", Priority.Urgent, RequestKind.Help).Should().Be(new SlaLimits(Dispatch: TimeLimit.Hours(30), CallBack: TimeLimit.Days(1)));
        policy.Aging.Midway.Should().Be(0.4);
        policy.Aging.Warning.Should().Be(0.8);
    }

    [Theory]
    [InlineData("*", "Soon", null, "3wd", "SLA rule #1 (*, Soon, *): priority 'Soon' is unknown; use Urgent/紧急, Normal/一般 or *.")]
    [InlineData("*", null, "Gossip", "3wd", "SLA rule #1 (*, *, Gossip): request kind 'Gossip' is unknown; use one of Inquiry/咨询, Help/求助, Complaint/投诉, Report/举报, Suggestion/建议, Praise/表扬 or *.")]
    [InlineData("暴露垃圾", null, null, "4x", "SLA rule #1 (暴露垃圾, *, *), Resolve: Time limit '4x' has unknown unit 'x'*")]
    [InlineData("暴露垃圾", null, null, "0h", "SLA rule #1 (暴露垃圾, *, *), Resolve: Time limit '0h': only working days may be zero*")]
    public void Bad_rules_are_refused_naming_the_rule_and_stage(string category, string? priority, string? kind, string resolve, string message)
    {
        var act = () => SlaPolicy.Create(new SlaPolicyOptions
        {
            Rules = [new SlaRuleOptions { Category = category, Priority = priority, Kind = kind, Resolve = resolve }],
        });

        act.Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void A_rule_given_twice_is_refused()
    {
        var act = () => SlaPolicy.Create(new SlaPolicyOptions
        {
            Rules = [new SlaRuleOptions { Category = "A", Resolve = "1wd" }, new SlaRuleOptions { Category = "A", Kind = "*", Resolve = "2wd" }],
        });

        act.Should().Throw<ArgumentException>().WithMessage("SLA rule (A, *, *) is given twice.*");
    }

    [Fact]
    public void Bad_aging_thresholds_are_refused()
    {
        var act = () => SlaPolicy.Create(new SlaPolicyOptions { Aging = new SlaThresholds { Midway = 0.8, Warning = 0.75 } });

        act.Should().Throw<ArgumentException>().WithMessage("Aging thresholds must satisfy 0 < Midway < Warning < Overdue*");
    }

    [Theory]
    [InlineData("紧急", Priority.Urgent)]
    [InlineData("urgent", Priority.Urgent)]
    [InlineData("一般", Priority.Normal)]
    public void Priorities_parse_in_either_language(string text, Priority expected)
    {
        DomainTerms.TryParsePriority(text, out var priority).Should().BeTrue();
        priority.Should().Be(expected);
        expected.ToChinese().Should().BeOneOf("紧急", "一般");
    }

    [Theory]
    [InlineData(RequestKind.Inquiry, "咨询")]
    [InlineData(RequestKind.Help, "求助")]
    [InlineData(RequestKind.Complaint, "投诉")]
    [InlineData(RequestKind.Report, "举报")]
    [InlineData(RequestKind.Suggestion, "建议")]
    [InlineData(RequestKind.Praise, "表扬")]
    public void Request_kinds_have_their_chinese_names(RequestKind kind, string chinese)
    {
        kind.ToChinese().Should().Be(chinese);
        DomainTerms.TryParseRequestKind(chinese, out var parsed).Should().BeTrue();
        parsed.Should().Be(kind);
    }
}
