namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 合并: close this ticket as a duplicate of an open original (Open311: "Duplicate request"), before it is dispatched.
/// The original records it through <see cref="AddDuplicate"/>.
/// </summary>
public sealed record MergeInto(TicketActor Actor, DateTimeOffset At, string OriginalTicketId, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.MergeInto;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => $"duplicate of {OriginalTicketId.Trim()}";

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(OriginalTicketId, "the original ticket's id")
        ?? (OriginalTicketId.Trim() == ticket.Id ? "a ticket cannot be merged into itself" : null);

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with { MergedIntoTicketId = OriginalTicketId.Trim() };
}
