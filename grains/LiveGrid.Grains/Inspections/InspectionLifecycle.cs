using static LiveGrid.Grains.Inspections.InspectionCommand;
using static LiveGrid.Grains.Inspections.InspectionStatus;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// The inspection's lifecycle as one table (domain brief §4): scheduled → started (check-in at the grid) → checkpoints and
/// findings → completed, or missed when the window ends first. Anything not in the table is refused.
/// </summary>
public static class InspectionLifecycle
{
    public static IReadOnlyList<InspectionRule> Rules { get; } =
    [
        //  from        command          to
        new(null,       Schedule,        Scheduled),
        new(Scheduled,  CheckIn,         Started),
        new(Scheduled,  Miss,            Missed),
        new(Started,    PassCheckpoint,  Started),
        new(Started,    ReportFinding,   Started),
        new(Started,    Complete,        Completed),
        new(Started,    Miss,            Missed),

        // Completed and Missed: no rows, nothing more happens.
    ];

    /// <summary>The rule for this step, or null when it is not allowed.</summary>
    public static InspectionRule? Find(InspectionStatus? from, InspectionCommand command) =>
        Rules.FirstOrDefault(rule => rule.From == from && rule.Command == command);

    /// <summary>What a person may do now (the window-end <see cref="Miss"/> is LiveGrid's, not theirs).</summary>
    public static IReadOnlyList<string> AllowedCommands(InspectionStatus? from) =>
        [.. Rules.Where(rule => rule.From == from && rule.Command != Miss).Select(rule => rule.Command.ToString())];

    public static bool IsOpen(InspectionStatus status) => status is Scheduled or Started;
}
