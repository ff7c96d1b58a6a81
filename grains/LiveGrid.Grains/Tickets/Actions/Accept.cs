namespace LiveGrid.Grains.Tickets;

/// <summary>签收: the unit signs for the ticket.</summary>
public sealed record Accept(TicketActor Actor, DateTimeOffset At, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Accept;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => $"by {before.CurrentUnitId}";

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) =>
        ticket with { Milestones = ticket.Milestones with { AcceptedAt = at } };
}
