namespace LiveGrid.Grains.Tickets;

/// <summary>受理: a hotline operator takes the request in. Starts a ticket through <see cref="Ticket.Create"/>.</summary>
public sealed record Receive(TicketActor Actor, DateTimeOffset At, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Receive;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    // The table has no row for Receive, so the lifecycle never gets here.
    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) =>
        throw new InvalidOperationException($"Ticket {ticket.Id} already exists; a ticket is received once, by Ticket.Create.");
}
