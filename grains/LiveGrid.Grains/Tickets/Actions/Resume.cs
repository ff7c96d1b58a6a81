namespace LiveGrid.Grains.Tickets;

/// <summary>恢复计时: restart the clock; the ticket returns to the status it was suspended from.</summary>
public sealed record Resume(TicketActor Actor, DateTimeOffset At, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Resume;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) =>
        before.OpenSuspension is { } open ? $"after {open.Reason} since {open.Start:O}" : null;

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Suspensions = [.. ticket.Suspensions.SkipLast(1), ticket.OpenSuspension! with { End = at, ResumeNote = ActionChecks.NoteOrNull(Note) }],
    };
}
