namespace LiveGrid.Grains.Tickets;

/// <summary>延期审批: the dispatcher approves or refuses the pending request; a refusal says why.</summary>
public sealed record DecideExtension(TicketActor Actor, DateTimeOffset At, bool Approved, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.DecideExtension;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) =>
        $"{(Approved ? "approved" : "refused")} {before.PendingExtension?.Limit}";

    internal override TicketTransition WithOutcome(TicketTransition entry) => entry with { Approved = Approved };

    internal override string? Problem(Ticket ticket) =>
        Approved ? null : ActionChecks.Required(Note, "a note saying why the extension is refused");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at)
    {
        var request = ticket.PendingExtension!;
        return ticket with
        {
            PendingExtension = null,
            ApprovedExtensions = Approved
                ?
                [
                    .. ticket.ApprovedExtensions,
                    new ApprovedExtension(request.Limit, request.Reason, request.RequestedBy, request.RequestedAt, Actor.Id, at, ActionChecks.NoteOrNull(Note)),
                ]
                : ticket.ApprovedExtensions,
        };
    }
}
