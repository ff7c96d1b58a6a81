using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>One SLA clock of a ticket as the board shows it, read at <see cref="TicketView.ReadAt"/>.</summary>
/// <param name="Stage">Which limit: dispatch, accept, resolve or call back.</param>
/// <param name="Limit">The limit with approved extensions, as text ("5wd + 3wd").</param>
/// <param name="Start">When the clock started.</param>
/// <param name="Deadline">When the limit is used up (moves later while suspended).</param>
/// <param name="Bucket">How much of the limit is used.</param>
/// <param name="UsedFraction">Used / budget, above 1 once overdue.</param>
/// <param name="IsSuspended">Whether the clock stands still now.</param>
/// <param name="IsRunning">False once the stage was met.</param>
/// <param name="MetAt">When the stage was met (e.g. accepted), or null while it runs.</param>
/// <param name="MetOnTime">Whether it was met by its deadline; null while it runs.</param>
public sealed record TicketStageClock(
    SlaStage Stage,
    string Limit,
    DateTimeOffset Start,
    DateTimeOffset Deadline,
    AgingBucket Bucket,
    double UsedFraction,
    bool IsSuspended,
    bool IsRunning,
    DateTimeOffset? MetAt,
    bool? MetOnTime);
