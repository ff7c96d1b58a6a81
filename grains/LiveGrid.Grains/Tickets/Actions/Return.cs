namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 退单: the unit says the ticket is not theirs and sends it back to the dispatcher, within the return window only.
/// Counted against the unit; the ticket leaves its hands, so a pending extension request lapses.
/// </summary>
public sealed record Return(TicketActor Actor, DateTimeOffset At, string Reason) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Return;

    internal override string? AuditNote => Reason;

    internal override string? AuditDetail(Ticket before) => $"by {before.CurrentUnitId}";

    internal override string? Problem(Ticket ticket) => ActionChecks.Required(Reason, "the reason for returning");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Returns = [.. ticket.Returns, new TicketReturn(ticket.CurrentUnitId!, Reason.Trim(), at)],
        Assignment = null,
        PendingExtension = null,
        Milestones = ticket.Milestones with { AcceptedAt = null, OnSiteAt = null },
    };
}
