namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 转办: hand the ticket on to another lead unit, which must sign for it again (back to Dispatched). Helpers stay,
/// except the new lead; a pending extension request lapses with the old unit.
/// </summary>
public sealed record Transfer(TicketActor Actor, DateTimeOffset At, string ToUnitId, string Reason) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Transfer;

    internal override string? AuditNote => Reason;

    internal override string? AuditDetail(Ticket before) => $"from {before.CurrentUnitId} to {ToUnitId.Trim()}";

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(ToUnitId, "the unit to transfer to")
        ?? ActionChecks.Required(Reason, "the reason for the transfer")
        ?? (ToUnitId.Trim() == ticket.CurrentUnitId ? $"the ticket is already with {ticket.CurrentUnitId}" : null);

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at)
    {
        var to = ToUnitId.Trim();
        return ticket with
        {
            Transfers = [.. ticket.Transfers, new TicketTransfer(ticket.CurrentUnitId!, to, Reason.Trim(), at)],
            Assignment = new UnitAssignment(to, [.. ticket.HelperUnitIds.Where(helper => helper != to)]),
            PendingExtension = null,
            Milestones = ticket.Milestones.NewRound(at),
        };
    }
}
