namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 重办/返工: back to the same unit (Dispatched), after the citizen was unsatisfied at callback or a verification
/// failed. The source must match how the ticket got here. Counted against the unit; the resolution, callback and
/// verification of the failed round are cleared (they stay in the audit trail).
/// </summary>
public sealed record Rework(TicketActor Actor, DateTimeOffset At, string Reason, ReworkSource Source) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Rework;

    internal override string? AuditNote => Reason;

    internal override string? AuditDetail(Ticket before) =>
        $"{Source}: rework {before.ReworkCount + 1} of {before.CurrentUnitId}";

    internal override string? Problem(Ticket ticket)
    {
        var expected = ticket.Status == TicketStatus.CalledBack ? ReworkSource.UnsatisfiedCallback : ReworkSource.FailedVerification;
        return ActionChecks.Required(Reason, "the reason for rework")
            ?? ActionChecks.Defined(Source, "the rework source")
            ?? (Source != expected ? $"a {ticket.Status} ticket goes to rework because of {expected}, not {Source}" : null);
    }

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Reworks = [.. ticket.Reworks, new TicketRework(ticket.CurrentUnitId!, Source, Reason.Trim(), at)],
        Resolution = null,
        Callback = null,
        Verification = null,
        Milestones = ticket.Milestones.NewRound(at),
    };
}
