using static LiveGrid.Grains.Sla.DefaultCategoryCodes;

namespace LiveGrid.Grains.Sla;

/// <summary>
/// The SLA table LiveGrid ships, from the published rules in the domain brief (shared/domain.md §3). Every number
/// marked ASSUMPTION is ours, not found in a published rule; a city overrides any row through configuration.
/// </summary>
public static class DefaultSlaRules
{
    private const string Any = SlaPolicy.Wildcard;

    public static IReadOnlyList<SlaRule> All { get; } =
    [
        // General: dispatch within 24 h (Beijing hotline standard); resolve in 5 working days (one province).
        // ASSUMPTION: accept (签收) within 2 working hours; call back (回访) within 3 working days of resolution.
        new(Any, null, null, new SlaLimits(
            Dispatch: TimeLimit.Hours(24),
            Accept: TimeLimit.WorkingHours(2),
            Resolve: TimeLimit.WorkingDays(5),
            CallBack: TimeLimit.WorkingDays(3))),

        // Urgent or a risk to life/property: dispatch within 1 h (Beijing); resolve the same day (当日).
        // ASSUMPTION: accept within 1 clock hour, nights included, since urgent work does not wait for office hours.
        new(Any, Priority.Urgent, null, new SlaLimits(
            Dispatch: TimeLimit.Hours(1),
            Accept: TimeLimit.Hours(1),
            Resolve: TimeLimit.SameDay)),

        // Water, power, gas, heating (and extreme weather, which is a tag rather than a category here): dispatch 2 h.
        new(Utilities, null, null, new SlaLimits(Dispatch: TimeLimit.Hours(2))),

        // Resolve by request kind: inquiry/help 3 working days; complaint/suggestion 13 working days (one bureau).
        new(Any, null, RequestKind.Inquiry, new SlaLimits(Resolve: TimeLimit.WorkingDays(3))),
        new(Any, null, RequestKind.Help, new SlaLimits(Resolve: TimeLimit.WorkingDays(3))),
        new(Any, null, RequestKind.Complaint, new SlaLimits(Resolve: TimeLimit.WorkingDays(13))),
        new(Any, null, RequestKind.Suggestion, new SlaLimits(Resolve: TimeLimit.WorkingDays(13))),

        // ASSUMPTION: a report (举报) is investigated like a complaint: 13 working days.
        new(Any, null, RequestKind.Report, new SlaLimits(Resolve: TimeLimit.WorkingDays(13))),

        // ASSUMPTION: praise (表扬) is only passed on to the unit: 3 working days.
        new(Any, null, RequestKind.Praise, new SlaLimits(Resolve: TimeLimit.WorkingDays(3))),

        // By category: exposed rubbish 4 working hours (published "4 working hours or 1 working day": the stricter).
        new(ExposedRubbish, null, null, new SlaLimits(Resolve: TimeLimit.WorkingHours(4))),

        // Dirty road: published as 2-5 working hours. ASSUMPTION: the upper bound, 5.
        new(DirtyRoad, null, null, new SlaLimits(Resolve: TimeLimit.WorkingHours(5))),

        // Illegal building: stop-work 4 working hours, demolition 20 working days; a reported illegal construction is
        // handled within 48 clock hours (Beijing city management, "48小时内").
        new(IllegalBuildingStopWork, null, null, new SlaLimits(Resolve: TimeLimit.WorkingHours(4))),
        new(IllegalBuildingDemolition, null, null, new SlaLimits(Resolve: TimeLimit.WorkingDays(20))),
        new(IllegalBuilding, null, RequestKind.Report, new SlaLimits(Resolve: TimeLimit.Hours(48))),
    ];
}
