using System.Globalization;
using System.Text;

namespace LiveGrid.Silo.Tests.Faults;

/// <summary>The drills' figures as the lines the tests log and the benchmark prints.</summary>
internal static class FaultFigures
{
    public static string Describe(KillDrillReport report)
    {
        var d = report.Durability;
        var t = report.Deadlines;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"kill -9 on {report.Storage}: {report.Lanes} lanes, killed after {report.LoadedFor.TotalSeconds:0.0} s of load, {report.Attempts} actions sent, {report.InFlightAtKill} without an answer (in flight at the kill)"));
        text.AppendLine(Invariant($"  restart until serving: {report.RestartTook.TotalSeconds:0.00} s"));
        text.AppendLine(Invariant($"  actions acknowledged: {d.Acknowledged}, found: {d.Found}, lost: {d.Lost} ({d.Tickets} tickets; half-applied or other problems: {d.Problems.Count})"));
        text.AppendLine(Invariant($"  deadlines after restart: {t.Due} open tickets, clock moved {t.Advance.TotalHours:0.#} h in {t.AdvanceTook.TotalSeconds:0.0} s; overdue: {t.Overdue}/{t.Due}; 催办 on time: {t.Supervised}/{t.Supervisable} (latest {t.MaxLateness.TotalSeconds:0.###} s after its deadline)"));
        foreach (var problem in d.Problems.Concat(t.Problems).Take(10))
        {
            text.AppendLine("  ! " + problem);
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
