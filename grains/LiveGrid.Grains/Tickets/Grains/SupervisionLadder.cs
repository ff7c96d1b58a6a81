using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Graduated supervision (督办) of an overdue clock, from <see cref="CityPolicies"/>: step 1 a reminder (催办) at the
/// deadline, step 2 a formal notice (发函整改) <see cref="CityPolicies.FormalNoticeAfter"/> later, step 3 escalation to
/// the community <see cref="CityPolicies.EscalateAfter"/> after the deadline, then to the street and the district each
/// <see cref="CityPolicies.EscalateEvery"/> later. The district is the top: no step after it.
/// </summary>
public static class SupervisionLadder
{
    public const int Steps = 5;

    /// <summary>When step <paramref name="step"/> (1-based) is due for a clock overdue since <paramref name="deadline"/>; null past the top.</summary>
    public static DateTimeOffset? StepAt(CityModel city, DateTimeOffset deadline, int step)
    {
        var policies = city.Policies;
        return step switch
        {
            1 => deadline,
            2 => TicketClocks.After(city, deadline, policies.FormalNoticeLimit),
            3 => TicketClocks.After(city, deadline, policies.EscalateAfterLimit),
            > 3 and <= Steps => TicketClocks.After(city, StepAt(city, deadline, step - 1)!.Value, policies.EscalateEveryLimit),
            _ => null,
        };
    }

    public static SupervisionLevel LevelOf(int step) => step switch
    {
        1 => SupervisionLevel.Reminder,
        2 => SupervisionLevel.FormalNotice,
        _ => SupervisionLevel.Escalation,
    };

    /// <summary>The level an escalation step reaches (grid → community → street → district); null for steps 1 and 2.</summary>
    public static TerritoryLevel? EscalationOf(int step) => step switch
    {
        3 => TerritoryLevel.Community,
        4 => TerritoryLevel.Street,
        5 => TerritoryLevel.District,
        _ => null,
    };

    public static string Note(int step, DateTimeOffset deadline) => step switch
    {
        1 => $"催办: 已超过办理时限 ({deadline:O})",
        2 => $"发函整改: 超期未办结 (时限 {deadline:O})",
        _ => $"升级督办至{EscalationOf(step) switch { TerritoryLevel.Community => "社区", TerritoryLevel.Street => "街道", _ => "区" }}: 超期未办结 (时限 {deadline:O})",
    };
}
