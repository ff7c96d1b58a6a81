using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Kpis;
using LiveGrid.Grains.Scorecards;
using LiveGrid.Grains.Tests.Support;
using static LiveGrid.Grains.Tests.Kpis.KpiTrails;

namespace LiveGrid.Grains.Tests.Scorecards;

/// <summary>
/// The default 千分制 scorecard on <see cref="KpiTrails"/>' tickets (w1a: A–G and I; w2a: H) and a few patrols, for
/// 2026-11-23 local, in the test city (12 workers, 4 grids, 2 communities, 1 street). Every figure is counted by hand.
/// </summary>
public sealed class ScorecardEngineTests
{
    private static readonly IReadOnlyList<InspectionSummary> Patrols =
    [
        Patrol("p1", "w1a", "2026-11-23 08:00", InspectionStatus.Completed, findings: 2),
        Patrol("p2", "w1a", "2026-11-23 14:00", InspectionStatus.Completed, findings: 1),
        Patrol("p3", "w1a", "2026-11-23 18:00", InspectionStatus.Completed, findings: 0),
        Patrol("p4", "w1a", "2026-11-23 21:00", InspectionStatus.Missed, findings: 0),
        // The next day: outside the period, its findings do not count.
        Patrol("p5", "w1a", "2026-11-24 08:00", InspectionStatus.Completed, findings: 5),
        Patrol("p6", "w2a", "2026-11-23 08:00", InspectionStatus.Completed, findings: 1, grid: Grid2),
    ];

    private static readonly ScorecardReport Report =
        ScorecardEngine.Compute(Scorecard.Default, Zone, TestCity.Territory(), From, To, KpiScope.City, All, Patrols);

    public static TheoryData<string, string, double, double?, int> W1aItems => new()
    {
        // Due in the period: A, C (H is w2a's); both on time → 100% ≥ 95% → 250.
        { "w1a", "onTime", 250, 1.0, 2 },
        // Accepted in the period: A on time, C late → 50% ≤ 70% floor → 0.
        { "w1a", "response", 0, 0.5, 2 },
        // Ratings: A satisfied, C unsatisfied, C basically satisfied → 2/3; (0.6667 − 0.60) / 0.35 × 150 = 28.57.
        { "w1a", "satisfaction", 28.57, 2.0 / 3, 3 },
        // Patrols starting in the period: 3 completed of 4 → 75%; (0.75 − 0.70) / 0.30 × 150 = 25.
        { "w1a", "patrolCoverage", 25, 0.75, 4 },
        // Findings on the period's patrols: 2 + 1 = 3 → 15 (p5 is the next day).
        { "w1a", "findings", 15, null, 3 },
        // Due minus on time: 2 − 2 = 0 → 50.
        { "w1a", "overdue", 50, null, 0 },
        // Resolved in the period and reworked after: C, I → 50 − 2 × 10 = 30.
        { "w1a", "rework", 30, null, 2 },
        // p4 missed → 50 − 5 = 45.
        { "w1a", "missedPatrols", 45, null, 1 },
        // I's verification failed → 50 − 10 = 40.
        { "w1a", "failedVerifications", 40, null, 1 },
        // H due at noon, never resolved: 0% → 0.
        { "w2a", "onTime", 0, 0.0, 1 },
        // Nothing accepted, nothing rated: full points (no data, nothing to fail).
        { "w2a", "response", 150, null, 0 },
        { "w2a", "satisfaction", 150, null, 0 },
        { "w2a", "patrolCoverage", 150, 1.0, 1 },
        { "w2a", "findings", 5, null, 1 },
        // H overdue → 45.
        { "w2a", "overdue", 45, null, 1 },
        // w1b: no tickets, no patrols: full on rates and deductions, nothing awarded.
        { "w1b", "onTime", 250, null, 0 },
        { "w1b", "patrolCoverage", 150, null, 0 },
        { "w1b", "findings", 0, null, 0 },
        { "w1b", "failedVerifications", 50, null, 0 },
    };

    [Theory]
    [MemberData(nameof(W1aItems))]
    public void Each_item_of_each_worker_scores_as_computed_by_hand(string worker, string key, double points, double? rate, int count)
    {
        var item = Report.Workers.Single(w => w.Code == worker).Items.Single(i => i.Key == key);

        item.Points.Should().Be(points, $"{worker} {key}");
        if (rate is { } r)
        {
            item.Rate.Should().BeApproximately(r, 1e-9, $"{worker} {key}");
        }
        else
        {
            item.Rate.Should().BeNull($"{worker} {key}");
        }

        item.Count.Should().Be(count, $"{worker} {key}");
    }

    [Fact]
    public void Totals_add_the_items_and_workers_rank_by_total()
    {
        Total("w1a").Should().Be(483.57, "250 + 0 + 28.57 + 25 + 15 + 50 + 30 + 45 + 40");
        Total("w2a").Should().Be(650, "0 + 150 + 150 + 150 + 5 + 45 + 50 + 50 + 50");
        Total("w1b").Should().Be(900, "four rate items in full (700) and four deductions in full (200), no findings");
        Report.Workers.Should().HaveCount(12);
        Report.Workers.Select(w => w.Total).Should().BeInDescendingOrder();
        Report.Workers.TakeLast(2).Select(w => w.Code).Should().Equal("w2a", "w1a");
    }

    [Fact]
    public void Areas_are_the_mean_of_their_workers()
    {
        Report.Areas.Select(a => (a.Kind, a.Code, a.Workers)).Should().Equal(
            (ScorecardLineKind.Street, TestCity.Street, 12),
            (ScorecardLineKind.Community, TestCity.Community1, 6),
            (ScorecardLineKind.Grid, TestCity.Grid1, 3),
            (ScorecardLineKind.Grid, TestCity.Grid2, 3),
            (ScorecardLineKind.Community, TestCity.Community2, 6),
            (ScorecardLineKind.Grid, TestCity.Grid3, 3),
            (ScorecardLineKind.Grid, TestCity.Grid4, 3));
        // Grid 1: (483.57 + 900 + 900) / 3 = 761.19; community 1 adds grid 2: (483.57 + 650 + 4 × 900) / 6 = 788.93;
        // the street: (483.57 + 650 + 10 × 900) / 12 = 844.46.
        Area(TestCity.Grid1).Total.Should().Be(761.19);
        Area(TestCity.Community1).Total.Should().Be(788.93);
        Area(TestCity.Street).Total.Should().Be(844.46);
        Area(TestCity.Grid3).Total.Should().Be(900);
        // Grid 1's response: (0 + 150 + 150) / 3 = 100; its reworks summed: 2.
        Area(TestCity.Grid1).Items.Single(i => i.Key == "response").Points.Should().Be(100);
        Area(TestCity.Grid1).Items.Single(i => i.Key == "rework").Count.Should().Be(2);
    }

    [Fact]
    public void A_worker_scope_scores_one_worker_without_roll_ups_and_an_area_scope_keeps_to_its_area()
    {
        var one = ScorecardEngine.Compute(Scorecard.Default, Zone, TestCity.Territory(), From, To, new KpiScope(KpiScopeKind.Worker, "w1a"), All, Patrols);
        one.Workers.Should().ContainSingle().Which.Total.Should().Be(483.57);
        one.Areas.Should().BeEmpty();

        var grid = ScorecardEngine.Compute(Scorecard.Default, Zone, TestCity.Territory(), From, To, new KpiScope(KpiScopeKind.Area, Grid2), All, Patrols);
        grid.Workers.Select(w => w.Code).Should().BeEquivalentTo("w2a", "w2b", "w2c");
        grid.Areas.Should().ContainSingle().Which.Total.Should().Be(Math.Round((650 + 900 + 900) / 3.0, 2));
    }

    [Fact]
    public void A_custom_scorecard_scores_by_its_own_items()
    {
        var card = Scorecard.Create(
        [
            new("onTime", "按期办结", 600, ScorecardMeasure.OnTimeResolution, ScorecardRule.Linear, Floor: 0.5, Target: 1.0),
            new("failed", "核查不合格", 400, ScorecardMeasure.FailedVerifications, ScorecardRule.Deduct, PointsEach: 500),
        ]);

        var report = ScorecardEngine.Compute(card, Zone, TestCity.Territory(), From, To, new KpiScope(KpiScopeKind.Worker, "w1a"), All, Patrols);

        // 100% on time → 600; one failed verification takes 500 of 400 → floored at 0.
        report.Workers.Single().Items.Select(i => i.Points).Should().Equal(600, 0);
        report.Workers.Single().Total.Should().Be(600);
    }

    private static double Total(string worker) => Report.Workers.Single(w => w.Code == worker).Total;

    private static ScorecardLine Area(string code) => Report.Areas.Single(a => a.Code == code);

    private static InspectionSummary Patrol(string id, string worker, string start, InspectionStatus status, int findings, string grid = Grid1) => new()
    {
        Id = id,
        Version = 1,
        Kind = InspectionKind.Patrol,
        Status = status,
        GridCode = grid,
        WorkerId = worker,
        WindowStart = L(start),
        WindowEnd = L(start).AddHours(2),
        Findings = findings,
    };
}
