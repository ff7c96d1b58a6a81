using LiveGrid.Grains.Sla;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 延期申请: the handler asks for more time, written as a time limit ("3wd" = 3 working days, "24h"). At most one
/// request can wait for the dispatcher. How long an extension may be is policy, checked by whoever knows it.
/// </summary>
public sealed record RequestExtension(TicketActor Actor, DateTimeOffset At, string Limit, string Reason) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.RequestExtension;

    internal override string? AuditNote => Reason;

    internal override string? AuditDetail(Ticket before) => $"{Normalized} for {before.CurrentUnitId}";

    internal override string? Problem(Ticket ticket)
    {
        if (ActionChecks.Required(Reason, "the reason for the extension") is { } missing)
        {
            return missing;
        }

        if (!TimeLimit.TryParse(Limit, out var limit, out var error))
        {
            return error.TrimEnd('.');
        }

        return limit.Amount == 0 ? $"an extension of {limit} adds no time" : null;
    }

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        PendingExtension = new ExtensionRequest(Normalized, Reason.Trim(), Actor.Id, at),
    };

    // Stored in one spelling ("3wd", not " 3WD ") so the SLA side reads it back exactly.
    private string Normalized => TimeLimit.TryParse(Limit, out var limit) ? limit.ToString() : Limit;
}
