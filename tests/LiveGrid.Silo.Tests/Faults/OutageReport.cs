namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// Redis stopped for <see cref="Down"/> under load. <see cref="DuringOutage"/> are the actions sent while it was down;
/// <see cref="RecoveredAfter"/> is the time from Redis answering again to the first acknowledged action (no restart of
/// the silo); <see cref="HealthyAfter"/> the same for /healthz. <see cref="Durability"/> is what a silo killed and started
/// again after the drill holds; <see cref="Diverged"/> names tickets whose view before that kill differed from the store.
/// </summary>
internal sealed record OutageReport(
    int Lanes,
    TimeSpan Down,
    IReadOnlyList<ActionAttempt> DuringOutage,
    IReadOnlyList<HealthSample> HealthDuringOutage,
    TimeSpan? RecoveredAfter,
    TimeSpan? HealthyAfter,
    int AcknowledgedBefore,
    int AcknowledgedAfter,
    DurabilityReport Durability,
    IReadOnlyList<string> Diverged)
{
    public int Refused503 => DuringOutage.Count(a => a.Status == 503);

    public int WithRetryAfter => DuringOutage.Count(a => a.Status == 503 && a.RetryAfter is not null);

    public int AsProblemJson => DuringOutage.Count(a => a.Status == 503 && a.MediaType == "application/problem+json");

    /// <summary>
    /// 409s while down: an action sent again after a 503 whose first attempt reached Redis all the same (its answer was
    /// lost); expectedVersion makes the retry a conflict instead of a second application. Correct, and counted apart.
    /// </summary>
    public int RetriedAlreadyApplied => DuringOutage.Count(a => a.Status == 409);

    /// <summary>Answers during the outage that were neither 503, such a 409 nor a success, e.g. a 500; and requests that got no answer.</summary>
    public IReadOnlyList<ActionAttempt> Unexpected => [.. DuringOutage.Where(a => a.Status is not (503 or 409) && !a.Acknowledged)];

    public TimeSpan SlowestRefusal => DuringOutage.Where(a => a.Status == 503).Select(a => a.Elapsed).DefaultIfEmpty().Max();

    public TimeSpan RefusalPercentile(double p)
    {
        var sorted = DuringOutage.Where(a => a.Status == 503).Select(a => a.Elapsed).Order().ToArray();
        return sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}
