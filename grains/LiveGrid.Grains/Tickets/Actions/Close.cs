namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 结案: close the ticket. Closing over an Unsatisfied rating instead of sending it to rework needs a note saying why
/// (e.g. the request is beyond policy).
/// </summary>
public sealed record Close(TicketActor Actor, DateTimeOffset At, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Close;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => before.Rating is { } rating ? $"rated {rating}" : "without callback";

    internal override string? Problem(Ticket ticket) =>
        ticket.Rating == CallbackRating.Unsatisfied && string.IsNullOrWhiteSpace(Note)
            ? "the citizen rated it Unsatisfied, so closing it instead of sending it to rework needs a note saying why"
            : null;

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) =>
        ticket with { Milestones = ticket.Milestones with { ClosedAt = at } };
}
