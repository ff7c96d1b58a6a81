using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.City;

/// <summary>
/// The rules beyond the SLA table that a city sets (configuration section "LiveGrid:Policies"). Limits are written like
/// SLA limits ("2wd", "72h"); numbers marked ASSUMPTION are ours.
/// </summary>
public sealed class CityPolicies
{
    public const string SectionName = "LiveGrid:Policies";

    /// <summary>退单 only within this time of the latest dispatch (one province: 2 working days).</summary>
    public string ReturnWindow { get; set; } = "2wd";

    /// <summary>All approved extensions of a ticket together at most this (one province: 10 working days).</summary>
    public string ExtensionCap { get; set; } = "10wd";

    /// <summary>ASSUMPTION: a suspension longer than this raises "停止计时期限过长".</summary>
    public string SuspensionAlertAfter { get; set; } = "5wd";

    /// <summary>Graduated supervision of an overdue ticket: reminder at once (催办), formal notice after this (发函整改)...</summary>
    public string FormalNoticeAfter { get; set; } = "1wd";

    /// <summary>...then escalation one level up (grid → community → street → district) after this, and again every <see cref="EscalateEvery"/>.</summary>
    public string EscalateAfter { get; set; } = "2wd";

    public string EscalateEvery { get; set; } = "1wd";

    /// <summary>Duplicate detection at intake: same category within this distance...</summary>
    public double DuplicateDistanceMeters { get; set; } = 200;

    /// <summary>...and received within this time of an open ticket.</summary>
    public string DuplicateWindow { get; set; } = "72h";

    /// <summary>The hotspot score halves in this time (clock time).</summary>
    public TimeSpan HotspotHalfLife { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// ASSUMPTION: how long a grid or area board gathers changes before it reports once to its parent and publishes
    /// one change event (a burst of ticket changes in one grid makes one report, not one call chain each).
    /// </summary>
    public TimeSpan BoardReportDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>ASSUMPTION: three staggered shifts (错时); every grid has one patrol in each, the shifts going round its posts.</summary>
    public static IReadOnlyList<PatrolShift> DefaultPatrolShifts { get; } =
    [
        new("早班", new TimeOnly(8, 0), new TimeOnly(12, 0)),
        new("午班", new TimeOnly(12, 0), new TimeOnly(17, 0)),
        new("晚班", new TimeOnly(17, 0), new TimeOnly(21, 0)),
    ];

    public static IReadOnlyList<string> DefaultPatrolCheckpoints { get; } = ["网格入口", "重点部位", "居民楼院"];

    /// <summary>
    /// The daily patrol windows; null means <see cref="DefaultPatrolShifts"/>. Lists are null by default rather than
    /// pre-filled because the configuration binder appends configured items to a pre-filled list instead of replacing it.
    /// </summary>
    public List<PatrolShift>? PatrolShifts { get; set; }

    /// <summary>The checkpoints of a daily patrol when the grid has none of its own; null means <see cref="DefaultPatrolCheckpoints"/>.</summary>
    public List<string>? PatrolCheckpoints { get; set; }

    /// <summary>The patrol windows in force.</summary>
    public IReadOnlyList<PatrolShift> Shifts => PatrolShifts is { Count: > 0 } shifts ? shifts : DefaultPatrolShifts;

    /// <summary>The patrol checkpoints in force.</summary>
    public IReadOnlyList<string> Checkpoints => PatrolCheckpoints is { Count: > 0 } checkpoints ? checkpoints : DefaultPatrolCheckpoints;

    /// <summary>The categories with their routing; empty means <see cref="DefaultCategories.All"/>.</summary>
    public List<CategoryDefinition> Categories { get; set; } = [];

    public TimeLimit ReturnWindowLimit => Parse(ReturnWindow, nameof(ReturnWindow));

    public TimeLimit ExtensionCapLimit => Parse(ExtensionCap, nameof(ExtensionCap));

    public TimeLimit SuspensionAlertLimit => Parse(SuspensionAlertAfter, nameof(SuspensionAlertAfter));

    public TimeLimit FormalNoticeLimit => Parse(FormalNoticeAfter, nameof(FormalNoticeAfter));

    public TimeLimit EscalateAfterLimit => Parse(EscalateAfter, nameof(EscalateAfter));

    public TimeLimit EscalateEveryLimit => Parse(EscalateEvery, nameof(EscalateEvery));

    public TimeLimit DuplicateWindowLimit => Parse(DuplicateWindow, nameof(DuplicateWindow));

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first setting that is wrong.</summary>
    public CityPolicies Validate()
    {
        _ = ReturnWindowLimit;
        _ = ExtensionCapLimit;
        _ = SuspensionAlertLimit;
        _ = FormalNoticeLimit;
        _ = EscalateAfterLimit;
        _ = EscalateEveryLimit;
        _ = DuplicateWindowLimit;
        if (!double.IsFinite(DuplicateDistanceMeters) || DuplicateDistanceMeters < 0)
        {
            throw new ArgumentException($"{SectionName}:DuplicateDistanceMeters must be a non-negative number of meters; got {DuplicateDistanceMeters}.");
        }

        if (HotspotHalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:HotspotHalfLife must be positive; got {HotspotHalfLife}.");
        }

        if (BoardReportDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{SectionName}:BoardReportDelay must be positive; got {BoardReportDelay}.");
        }

        if (Shifts.Any(shift => string.IsNullOrWhiteSpace(shift.Name) || shift.End <= shift.Start))
        {
            throw new ArgumentException($"{SectionName}:PatrolShifts: each shift needs a name and an end after its start.");
        }

        return this;
    }

    private static TimeLimit Parse(string text, string name) =>
        TimeLimit.TryParse(text, out var limit, out var error)
            ? limit
            : throw new ArgumentException($"{SectionName}:{name}: {error}");
}
