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

    public static string Describe(OutageReport report)
    {
        var d = report.Durability;
        var text = new StringBuilder();
        var unhealthy = report.HealthDuringOutage.Count(h => h.Status == 503);
        text.AppendLine(Invariant($"Redis outage: {report.Lanes} lanes, Redis killed and started again on its append-only file after {report.Down.TotalSeconds:0.0} s"));
        text.AppendLine(Invariant($"  actions sent while down: {report.DuringOutage.Count}; 503: {report.Refused503} (with Retry-After: {report.WithRetryAfter}, problem+json: {report.AsProblemJson}); 409 to a retry of an action applied though its answer was lost: {report.RetriedAlreadyApplied}; other answers or none: {report.Unexpected.Count}"));
        text.AppendLine(Invariant($"  time to the 503: p50 {Ms(report.RefusalPercentile(0.5))}, p99 {Ms(report.RefusalPercentile(0.99))}, max {Ms(report.SlowestRefusal)}"));
        text.AppendLine(Invariant($"  /healthz while down: {unhealthy}/{report.HealthDuringOutage.Count} answered 503 (slowest {Ms(report.HealthDuringOutage.Select(h => h.Elapsed).DefaultIfEmpty().Max())})"));
        text.AppendLine(Invariant($"  recovery without restart: first action acknowledged {Seconds(report.RecoveredAfter)} after Redis was back; /healthz 200 after {Seconds(report.HealthyAfter)}"));
        text.AppendLine(Invariant($"  acknowledged before the outage: {report.AcknowledgedBefore}, after: {report.AcknowledgedAfter}"));
        text.AppendLine(Invariant($"  after kill -9 and restart: acknowledged {d.Acknowledged}, found {d.Found}, lost {d.Lost} ({d.Tickets} tickets; problems: {d.Problems.Count}); views that differed from the store: {report.Diverged.Count}"));
        foreach (var problem in d.Problems.Concat(report.Diverged).Concat(report.Unexpected.Select(a => $"{a.Action} {a.TicketId}: {a.Status?.ToString(CultureInfo.InvariantCulture) ?? "no answer"} after {Ms(a.Elapsed)} {a.Failure}")).Take(10))
        {
            text.AppendLine("  ! " + problem);
        }

        return text.ToString();
    }

    private static string Ms(TimeSpan value) => Invariant($"{value.TotalMilliseconds:0.#} ms");

    private static string Seconds(TimeSpan? value) => value is { } v ? Invariant($"{v.TotalSeconds:0.00} s") : "never";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
