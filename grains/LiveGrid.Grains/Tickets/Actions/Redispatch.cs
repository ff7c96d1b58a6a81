namespace LiveGrid.Grains.Tickets;

/// <summary>改派: the dispatcher sends a returned ticket to a unit again (usually another one), optionally co-handled.</summary>
public sealed record Redispatch(
    TicketActor Actor,
    DateTimeOffset At,
    string UnitId,
    IReadOnlyList<string>? HelperUnitIds = null,
    string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Redispatch;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => Dispatch.Describe(UnitId, HelperUnitIds);

    internal override string? Problem(Ticket ticket) => UnitAssignment.Problem(UnitId, HelperUnitIds);

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Assignment = UnitAssignment.Of(UnitId, HelperUnitIds),
        Milestones = ticket.Milestones.NewRound(at),
    };
}
