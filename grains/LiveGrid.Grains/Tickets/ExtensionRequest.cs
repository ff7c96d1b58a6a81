namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A pending request for more time (延期申请), at most one per ticket. <see cref="Limit"/> is a time limit in the SLA's
/// notation ("3wd", "24h"), so the grain can feed it to the SLA clock without this model depending on time arithmetic.
/// </summary>
public sealed record ExtensionRequest(string Limit, string Reason, string RequestedBy, DateTimeOffset RequestedAt);
