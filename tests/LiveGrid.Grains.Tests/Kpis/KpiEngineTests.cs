using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Kpis;
using static LiveGrid.Grains.Tests.Kpis.KpiTrails;

namespace LiveGrid.Grains.Tests.Kpis;

/// <summary>
/// Each measure of <see cref="KpiEngine"/> against counts made by hand from <see cref="KpiTrails"/> (tickets A..I, one
/// edge case each), for the city on 2026-11-23 local.
/// </summary>
public sealed class KpiEngineTests
{
    private static readonly KpiReport Report = KpiEngine.Compute(Zone, From, To, KpiScope.City, All);

    public static TheoryData<string, int, int> Measures => new()
    {
        // due in period: A, C, H (B suspended at the end; E, G due earlier; F, I later); on time: A, C.
        { "onTimeResolution", 2, 3 },
        // closed in period: A (on time), E (late); open overdue at the end: B (its deadline passed before it stopped), G, H.
        { "onTimeResolutionAustin", 1, 5 },
        // received in period: A, B, C, F, H, I (D merged, E and G earlier); closed by the end: A.
        { "resolution", 1, 6 },
        // first resolution at grid level on the day of intake: A, and I (rework afterwards does not undo it); C's first was at community level.
        { "immediateResolution", 2, 6 },
        // resolved in period: A, C, E (01:00 local = 17:00 UTC the day before), I; F resolves after it. Reworked after: C, I.
        { "rework", 2, 4 },
        // of A, C, E, I: E had an approved extension.
        { "extension", 1, 4 },
        // dispatched in period: A, B, C, F, H, I (C's rework is not a dispatch); returned: F.
        { "return", 1, 6 },
        // of A, C, E, I: called back A, C.
        { "callback", 2, 4 },
        // current round accepted in period: A (on time), C (after rework, late); I's current round is not accepted, F's is after the period.
        { "response", 1, 2 },
        // of A, C, E, I: the last resolution stood for A, C (second round), E; I was reworked.
        { "solved", 3, 4 },
        // callbacks in period: A satisfied, C unsatisfied, C basically satisfied (each rating counts).
        { "satisfaction", 2, 3 },
        // last in-period resolution of A, C, E, I: Grid, Grid, Street, Grid.
        { "resolvedAtGrid", 3, 4 },
        { "resolvedAtCommunity", 0, 4 },
        { "resolvedAtStreet", 1, 4 },
        { "resolvedAtDistrict", 0, 4 },
    };

    [Theory]
    [MemberData(nameof(Measures))]
    public void Each_measure_counts_as_computed_by_hand(string name, int numerator, int denominator)
    {
        var rate = Rates(Report).Single(r => r.Name == name);

        rate.Numerator.Should().Be(numerator, name);
        rate.Denominator.Should().Be(denominator, name);
        rate.Rate.Should().BeApproximately((double)numerator / denominator, 1e-12, name);
    }

    [Fact]
    public void Every_measure_is_covered_by_the_table()
    {
        Rates(Report).Select(r => r.Name).Should().BeEquivalentTo(Measures.Select(row => (string)row[0]));
        Report.Tickets.Should().Be(9);
    }

    [Fact]
    public void The_board_figures_follow_the_board_definitions()
    {
        // Received: A, B, C, D (merged counts), F, H, I. Resolved in the current round: A, C (second round), E; I's was
        // reworked away, F's is after the period. Closed: A, E and the merge of D. Rated in the current round: A, C.
        Report.Board.Should().Be(new KpiBoardFigures(Received: 7, Resolved: 3, ResolvedOnTime: 2, Closed: 3, Rated: 2, Satisfied: 2));
    }

    [Fact]
    public void Empty_denominators_give_no_rate_and_zero_counts()
    {
        var empty = KpiEngine.Compute(Zone, From, To, KpiScope.City, []);

        Rates(empty).Should().OnlyContain(r => r.Numerator == 0 && r.Denominator == 0 && r.Rate == null);
        empty.Board.Should().Be(new KpiBoardFigures(0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void A_period_before_the_events_counts_only_what_happened_in_it()
    {
        // 2026-11-22 local: E and G were received/dispatched then; E's resolution (01:00 on the 23rd) is not in it.
        var day = KpiEngine.Compute(Zone, From.AddDays(-1), From, KpiScope.City, All);

        day.Resolution.Should().Be(day.Resolution with { Numerator = 0, Denominator = 1 });
        day.Return.Denominator.Should().Be(1);
        day.Rework.Denominator.Should().Be(0);
        day.Rework.Rate.Should().BeNull();
        day.Response.Should().Be(day.Response with { Numerator = 1, Denominator = 1 });
        day.OnTimeResolution.Should().Be(day.OnTimeResolution with { Numerator = 0, Denominator = 2 }, "E and G were due on the 22nd and neither was resolved by its end");
    }

    [Fact]
    public void Scopes_select_by_grid_prefix_unit_and_worker()
    {
        KpiEngine.Compute(Zone, From, To, new KpiScope(KpiScopeKind.Area, Grid2), All).Resolution.Denominator.Should().Be(1, "only H is in grid 2");
        KpiEngine.Compute(Zone, From, To, new KpiScope(KpiScopeKind.Area, "110101001001"), All).Resolution.Denominator.Should().Be(6, "the community holds both grids");
        KpiEngine.Compute(Zone, From, To, new KpiScope(KpiScopeKind.Area, Grid1), All).Resolution.Denominator.Should().Be(5);
        KpiEngine.Compute(Zone, From, To, new KpiScope(KpiScopeKind.Unit, "grid-unit-2"), All).Tickets.Should().Be(1);
        KpiEngine.Compute(Zone, From, To, new KpiScope(KpiScopeKind.Worker, "w1a"), All).Tickets.Should().Be(8);
    }

    [Fact]
    public void Patrol_coverage_is_completed_over_scheduled_patrols_of_the_period_and_scope()
    {
        InspectionSummary Patrol(string id, string grid, string worker, string windowStart, InspectionStatus status) => new()
        {
            Id = id, Version = 1, Kind = InspectionKind.Patrol, Status = status, GridCode = grid, WorkerId = worker,
            WindowStart = L(windowStart), WindowEnd = L(windowStart).AddHours(4),
        };
        InspectionSummary[] patrols =
        [
            Patrol("p1", Grid1, "w1a", "2026-11-23 08:00", InspectionStatus.Completed),
            Patrol("p2", Grid1, "w1b", "2026-11-23 14:00", InspectionStatus.Missed),
            Patrol("p3", Grid2, "w2a", "2026-11-23 08:00", InspectionStatus.Completed),
            Patrol("p4", Grid2, "w2a", "2026-11-23 20:00", InspectionStatus.Scheduled),
            Patrol("p5", Grid1, "w1a", "2026-11-24 08:00", InspectionStatus.Completed), // the next day
            Patrol("p6", Grid1, "w1a", "2026-11-23 08:00", InspectionStatus.Completed) with { Kind = InspectionKind.Verification },
        ];

        Coverage(KpiScope.City).Should().Be((2, 4));
        Coverage(new KpiScope(KpiScopeKind.Area, Grid1)).Should().Be((1, 2));
        Coverage(new KpiScope(KpiScopeKind.Worker, "w2a")).Should().Be((1, 2));
        Coverage(new KpiScope(KpiScopeKind.Unit, "grid-unit-1")).Should().Be((0, 0));
        Report.PatrolCoverage.Should().BeNull("the report was computed without patrols");

        (int, int) Coverage(KpiScope scope) =>
            KpiEngine.Compute(Zone, From, To, scope, All, patrols).PatrolCoverage is { } rate ? (rate.Numerator, rate.Denominator) : (-1, -1);
    }

    [Theory]
    [InlineData("", KpiScopeKind.City, "city")]
    [InlineData("city", KpiScopeKind.City, "city")]
    [InlineData("110101", KpiScopeKind.Area, "110101")]
    [InlineData(" 110101001001001 ", KpiScopeKind.Area, "110101001001001")]
    [InlineData("unit:dept-sanitation", KpiScopeKind.Unit, "dept-sanitation")]
    [InlineData("worker:w1a", KpiScopeKind.Worker, "w1a")]
    public void Scopes_parse(string text, KpiScopeKind kind, string value)
    {
        KpiScope.TryParse(text, out var scope).Should().BeTrue();
        scope.Should().Be(new KpiScope(kind, value));
    }

    [Theory]
    [InlineData("town")]
    [InlineData("unit:")]
    [InlineData("1101")]
    public void Other_scopes_do_not_parse(string text) => KpiScope.TryParse(text, out _).Should().BeFalse();

    private static IEnumerable<KpiRate> Rates(KpiReport report) =>
    [
        report.OnTimeResolution, report.OnTimeResolutionAustin, report.Resolution, report.ImmediateResolution, report.Rework,
        report.Extension, report.Return, report.Callback, report.Response, report.Solved, report.Satisfaction, .. report.ResolvedAtLevel,
    ];
}
