using LiveGrid.Grains.Scorecards;

namespace LiveGrid.Grains.Tests.Scorecards;

/// <summary>Each rule's points, computed by hand, at its edges: nothing counted, the floor, the target, caps and floors at 0.</summary>
public sealed class ScorecardItemTests
{
    private static readonly ScorecardItem OnTime = new("onTime", "按期办结", 250, ScorecardMeasure.OnTimeResolution, ScorecardRule.Linear, Floor: 0.60, Target: 0.95);
    private static readonly ScorecardItem Overdue = new("overdue", "超期工单", 50, ScorecardMeasure.OverdueTickets, ScorecardRule.Deduct, PointsEach: 5);
    private static readonly ScorecardItem Findings = new("findings", "主动发现上报", 100, ScorecardMeasure.FindingsReported, ScorecardRule.Award, PointsEach: 5);

    public static TheoryData<double?, double> LinearRows => new()
    {
        // No ticket due in the period: nothing to fail, full points (documented on ScorecardRule.Linear).
        { null, 250 },
        { 1.0, 250 },
        // At the target: full.
        { 0.95, 250 },
        // Halfway between floor and target: (0.775 − 0.60) / 0.35 = 0.5 → 125.
        { 0.775, 125 },
        // (0.80 − 0.60) / 0.35 × 250 = 142.857… → 142.86.
        { 0.80, 142.86 },
        // At or below the floor: 0, never negative.
        { 0.60, 0 },
        { 0.0, 0 },
    };

    [Theory]
    [MemberData(nameof(LinearRows))]
    public void A_rate_scores_linearly_between_floor_and_target(double? rate, double points)
    {
        OnTime.Points(rate, 0).Should().Be(points);
    }

    [Theory]
    [InlineData(0, 50)]
    [InlineData(3, 35)]
    [InlineData(10, 0)]
    // Floored at 0: the eleventh overdue ticket takes nothing more.
    [InlineData(11, 0)]
    public void A_deduction_takes_points_each_and_stops_at_zero(int count, double points)
    {
        Overdue.Points(null, count).Should().Be(points);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(3, 15)]
    [InlineData(20, 100)]
    // Capped at the item's maximum.
    [InlineData(25, 100)]
    public void An_award_gives_points_each_up_to_the_maximum(int count, double points)
    {
        Findings.Points(null, count).Should().Be(points);
    }
}
