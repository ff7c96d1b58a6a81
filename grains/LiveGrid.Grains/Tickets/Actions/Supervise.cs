namespace LiveGrid.Grains.Tickets;

/// <summary>督办: press for progress (reminder, formal notice, escalation). Recorded; the status does not change.</summary>
public sealed record Supervise(TicketActor Actor, DateTimeOffset At, SupervisionLevel Level, string Note) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Supervise;

    internal override string? AuditNote => Note;

    internal override string? AuditDetail(Ticket before) => Level.ToString();

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(Note, "the supervision note") ?? ActionChecks.Defined(Level, "the supervision level");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Supervisions = [.. ticket.Supervisions, new TicketSupervision(Level, Note.Trim(), Actor, at)],
    };
}
