namespace LiveGrid.Grains.Tickets;

/// <summary>回访: the citizen is called back and rates the handling (评价).</summary>
public sealed record CallBack(TicketActor Actor, DateTimeOffset At, CallbackRating Rating, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.CallBack;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => $"rated {Rating}";

    internal override TicketTransition WithOutcome(TicketTransition entry) => entry with { Rating = Rating };

    internal override string? Problem(Ticket ticket) => ActionChecks.Defined(Rating, "the rating");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Callback = new TicketCallback(Rating, ActionChecks.NoteOrNull(Note)),
        Milestones = ticket.Milestones with { CalledBackAt = at },
    };
}
