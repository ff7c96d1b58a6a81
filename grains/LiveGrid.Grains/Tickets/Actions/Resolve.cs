namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 办结: the unit reports the problem solved, says how, and at which level it was solved. A pending extension request
/// lapses: the work it asked time for is done.
/// </summary>
public sealed record Resolve(TicketActor Actor, DateTimeOffset At, string Note, ResolutionLevel Level) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Resolve;

    internal override string? AuditNote => Note;

    internal override string? AuditDetail(Ticket before) => $"by {before.CurrentUnitId} at {Level} level";

    internal override TicketTransition WithOutcome(TicketTransition entry) => entry with { Level = Level };

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(Note, "the resolution note") ?? ActionChecks.Defined(Level, "the resolution level");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Resolution = new TicketResolution(Note.Trim(), Level, ticket.CurrentUnitId!),
        PendingExtension = null,
        Milestones = ticket.Milestones with { ResolvedAt = at },
    };
}
