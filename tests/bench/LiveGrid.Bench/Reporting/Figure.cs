namespace LiveGrid.Bench.Reporting;

/// <summary>
/// One measured figure. <see cref="Goal"/> is null for figures printed for context only; those still reach
/// the README summary when <see cref="InSummary"/> is set.
/// </summary>
public sealed record Figure(string Section, string Name, double Value, string Unit, Goal? Goal = null, string? Note = null, bool InSummary = false)
{
    public bool? Passed => Goal?.IsMet(Value);
}
