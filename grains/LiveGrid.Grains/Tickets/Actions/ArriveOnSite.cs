namespace LiveGrid.Grains.Tickets;

/// <summary>到场: the handler is on site.</summary>
public sealed record ArriveOnSite(TicketActor Actor, DateTimeOffset At, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.ArriveOnSite;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) =>
        ticket with { Milestones = ticket.Milestones with { OnSiteAt = at } };
}
