namespace LiveGrid.Grains.Tickets;

/// <summary>On the original ticket: record that a duplicate was merged into it. The status does not change.</summary>
public sealed record AddDuplicate(TicketActor Actor, DateTimeOffset At, string DuplicateTicketId) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.AddDuplicate;

    internal override string? AuditDetail(Ticket before) => $"{DuplicateTicketId.Trim()} merged into this ticket";

    internal override string? Problem(Ticket ticket)
    {
        if (ActionChecks.Required(DuplicateTicketId, "the duplicate ticket's id") is { } missing)
        {
            return missing;
        }

        var id = DuplicateTicketId.Trim();
        return id == ticket.Id ? "a ticket cannot be its own duplicate"
            : ticket.Duplicates.Any(duplicate => duplicate.TicketId == id) ? $"{id} is already recorded as a duplicate"
            : null;
    }

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Duplicates = [.. ticket.Duplicates, new MergedDuplicate(DuplicateTicketId.Trim(), at)],
    };
}
