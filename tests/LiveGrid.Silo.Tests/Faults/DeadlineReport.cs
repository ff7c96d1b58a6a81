namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// The SLA timers after a restart: of <see cref="Due"/> open acknowledged tickets whose deadline the clock was moved
/// past, how many turned overdue, how many of the <see cref="Supervisable"/> (resolve stage) were supervised (催办, by LiveGrid) at their deadline, and the latest such
/// step relative to its deadline. <see cref="Problems"/> names every ticket that missed.
/// </summary>
internal sealed record DeadlineReport(
    int Due, int Overdue, int Supervisable, int Supervised, TimeSpan MaxLateness, TimeSpan Advance, TimeSpan AdvanceTook, IReadOnlyList<string> Problems);
