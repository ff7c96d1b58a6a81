using System.Globalization;

namespace LiveGrid.Grains.Scorecards;

/// <summary>
/// The grid staff's 千分制 scorecard (domain brief §5): configurable items adding up to 1,000 points. Build it with
/// <see cref="Create"/>, which refuses a scorecard that does not add up or scores a measure by the wrong rule.
/// </summary>
public sealed class Scorecard
{
    public const double TotalPoints = 1000;

    private Scorecard(IReadOnlyList<ScorecardItem> items) => Items = items;

    public IReadOnlyList<ScorecardItem> Items { get; }

    /// <summary>
    /// The default items for 网格员, 1,000 points: the three rates of the work they are given (on time, response,
    /// satisfaction), patrol coverage and findings for the work they go out and find, and deductions for what went wrong.
    /// </summary>
    public static IReadOnlyList<ScorecardItem> DefaultItems { get; } =
    [
        new("onTime", "按期办结", 250, ScorecardMeasure.OnTimeResolution, ScorecardRule.Linear, Floor: 0.60, Target: 0.95),
        new("response", "响应及时", 150, ScorecardMeasure.Response, ScorecardRule.Linear, Floor: 0.70, Target: 1.00),
        new("satisfaction", "群众满意", 150, ScorecardMeasure.Satisfaction, ScorecardRule.Linear, Floor: 0.60, Target: 0.95),
        new("patrolCoverage", "巡查覆盖", 150, ScorecardMeasure.PatrolCoverage, ScorecardRule.Linear, Floor: 0.70, Target: 1.00),
        new("findings", "主动发现上报", 100, ScorecardMeasure.FindingsReported, ScorecardRule.Award, PointsEach: 5),
        new("overdue", "超期工单", 50, ScorecardMeasure.OverdueTickets, ScorecardRule.Deduct, PointsEach: 5),
        new("rework", "返工", 50, ScorecardMeasure.ReworkedTickets, ScorecardRule.Deduct, PointsEach: 10),
        new("missedPatrols", "漏巡", 50, ScorecardMeasure.MissedPatrols, ScorecardRule.Deduct, PointsEach: 5),
        new("failedVerifications", "核查不合格", 50, ScorecardMeasure.FailedVerifications, ScorecardRule.Deduct, PointsEach: 10),
    ];

    public static Scorecard Default { get; } = Create(DefaultItems);

    /// <exception cref="ArgumentException">The items are not a usable scorecard; the message says which item and why.</exception>
    public static Scorecard Create(IReadOnlyList<ScorecardItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (Problems(items) is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(items));
        }

        return new Scorecard([.. items]);
    }

    /// <summary>Everything wrong with the items, one sentence each; empty when they make a scorecard.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyList<ScorecardItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var problems = new List<string>();
        if (items.Count == 0)
        {
            problems.Add("The scorecard has no items.");
            return problems;
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var who = string.IsNullOrWhiteSpace(item.Key) ? "An item" : $"Item '{item.Key}'";
            if (string.IsNullOrWhiteSpace(item.Key))
            {
                problems.Add("An item has no key.");
            }
            else if (!keys.Add(item.Key))
            {
                problems.Add($"{who} is listed twice.");
            }

            if (string.IsNullOrWhiteSpace(item.Name))
            {
                problems.Add($"{who} has no name.");
            }

            if (!double.IsFinite(item.MaxPoints) || item.MaxPoints <= 0)
            {
                problems.Add($"{who} must be worth more than 0 points; it is worth {Text(item.MaxPoints)}.");
            }

            if (!Enum.IsDefined(item.Measure))
            {
                problems.Add($"{who} scores an unknown measure.");
                continue;
            }

            if (!Enum.IsDefined(item.Rule))
            {
                problems.Add($"{who} has an unknown rule.");
                continue;
            }

            var rate = ScorecardItem.IsRate(item.Measure);
            if (rate != (item.Rule == ScorecardRule.Linear))
            {
                problems.Add(rate
                    ? $"{who} scores the rate {item.Measure}, which takes the rule Linear, not {item.Rule}."
                    : $"{who} scores the count {item.Measure}, which takes the rule Deduct or Award, not {item.Rule}.");
            }
            else if (rate && !(item.Floor >= 0 && item.Floor < item.Target && item.Target <= 1))
            {
                problems.Add($"{who} needs 0 ≤ Floor < Target ≤ 1; it has Floor {Text(item.Floor)} and Target {Text(item.Target)}.");
            }
            else if (!rate && !(double.IsFinite(item.PointsEach) && item.PointsEach > 0))
            {
                problems.Add($"{who} needs PointsEach above 0; it has {Text(item.PointsEach)}.");
            }
        }

        var total = items.Sum(i => double.IsFinite(i.MaxPoints) ? i.MaxPoints : 0);
        if (Math.Abs(total - TotalPoints) > 1e-9)
        {
            problems.Add($"The items must add up to {Text(TotalPoints)} points (千分制); they add up to {Text(total)}.");
        }

        return problems;
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
