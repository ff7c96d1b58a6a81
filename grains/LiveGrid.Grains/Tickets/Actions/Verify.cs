namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 核查: a verification patrol checks a resolved ticket on the ground. A pass closes it (核查结案); a failure, which
/// must say what was found, holds it until the dispatcher sends it to rework.
/// </summary>
public sealed record Verify(TicketActor Actor, DateTimeOffset At, bool Passed, string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Verify;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => Passed ? "passed" : "failed";

    internal override TicketTransition WithOutcome(TicketTransition entry) => entry with { Passed = Passed };

    internal override string? Problem(Ticket ticket) =>
        Passed ? null : ActionChecks.Required(Note, "a note saying what the failed verification found");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Verification = new TicketVerification(Passed, ActionChecks.NoteOrNull(Note), Actor.Id, at),
        Milestones = Passed ? ticket.Milestones with { ClosedAt = at } : ticket.Milestones,
    };
}
