using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Scorecards;

/// <summary>
/// What a scorecard item scores, read from the KPI engine for one worker (or area) and period. Rates are scored by
/// <see cref="ScorecardRule.Linear"/>; counts by <see cref="ScorecardRule.Deduct"/> or <see cref="ScorecardRule.Award"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScorecardMeasure>))]
public enum ScorecardMeasure
{
    /// <summary>Rate: 按期办结率 (<see cref="Kpis.KpiEngine.OnTimeResolution"/>).</summary>
    OnTimeResolution,

    /// <summary>Rate: 响应率, accepted within the limit (<see cref="Kpis.KpiEngine.Response"/>).</summary>
    Response,

    /// <summary>Rate: 满意率 (<see cref="Kpis.KpiEngine.Satisfaction"/>).</summary>
    Satisfaction,

    /// <summary>Rate: 解决率 (<see cref="Kpis.KpiEngine.Solved"/>).</summary>
    Solved,

    /// <summary>Rate: 回访率 (<see cref="Kpis.KpiEngine.Callback"/>).</summary>
    Callback,

    /// <summary>Rate: 巡查覆盖率, completed / scheduled patrols (<see cref="Kpis.KpiEngine.PatrolCoverage"/>).</summary>
    PatrolCoverage,

    /// <summary>Count: tickets due in the period (按期办结率's denominator) not resolved by their deadline (超期).</summary>
    OverdueTickets,

    /// <summary>Count: tickets resolved in the period and then sent to rework by its end (返工率's numerator).</summary>
    ReworkedTickets,

    /// <summary>Count: failed verifications (核查不合格) in the period: verify entries that did not close the ticket.</summary>
    FailedVerifications,

    /// <summary>Count: scheduled patrols starting in the period that were missed (漏巡).</summary>
    MissedPatrols,

    /// <summary>Count: findings reported (主动发现上报) on the patrols starting in the period.</summary>
    FindingsReported,
}
