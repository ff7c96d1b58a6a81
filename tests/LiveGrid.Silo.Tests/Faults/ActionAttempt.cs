namespace LiveGrid.Silo.Tests.Faults;

/// <summary>
/// One ticket action sent by the load and what came back. <see cref="Status"/> is null when no answer came (the
/// connection broke, the silo died). <see cref="Version"/> is the ticket's version in a 2xx answer: the audit-trail
/// entry the action made. <see cref="StartedAt"/> is the time since the load began.
/// </summary>
internal sealed record ActionAttempt(
    int Lane,
    string Action,
    string? TicketId,
    int? Status,
    int? Version,
    TimeSpan StartedAt,
    TimeSpan Elapsed,
    string? RetryAfter,
    string? MediaType,
    string? Failure)
{
    public bool Acknowledged => Status is >= 200 and < 300;

    /// <summary>The audit-trail action a 2xx answer of <see cref="Action"/> ends with.</summary>
    public string AuditAction => Action switch
    {
        "intake" => "Classify",
        "dispatch" => "Dispatch",
        "accept" => "Accept",
        "arrive" => "ArriveOnSite",
        "resolve" => "Resolve",
        _ => throw new InvalidOperationException($"The load does not send {Action}."),
    };
}
