namespace LiveGrid.Grains.Inspections;

/// <summary>What can happen to an inspection: the columns of <see cref="InspectionLifecycle.Rules"/>.</summary>
public enum InspectionCommand
{
    Schedule,
    CheckIn,
    PassCheckpoint,
    ReportFinding,
    Complete,
    /// <summary>The window ended first (LiveGrid, from the window-end reminder).</summary>
    Miss,
}
