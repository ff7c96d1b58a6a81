namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 派单: send the ticket to a unit. With helper units it is co-handled (协办): <see cref="UnitId"/> leads (牵头办) and
/// answers for it. The clock starts here.
/// </summary>
public sealed record Dispatch(
    TicketActor Actor,
    DateTimeOffset At,
    string UnitId,
    IReadOnlyList<string>? HelperUnitIds = null,
    string? Note = null) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Dispatch;

    internal override string? AuditNote => ActionChecks.NoteOrNull(Note);

    internal override string? AuditDetail(Ticket before) => Describe(UnitId, HelperUnitIds);

    internal override string? Problem(Ticket ticket) => UnitAssignment.Problem(UnitId, HelperUnitIds);

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Assignment = UnitAssignment.Of(UnitId, HelperUnitIds),
        Milestones = ticket.Milestones.NewRound(at),
    };

    internal static string Describe(string unitId, IReadOnlyList<string>? helperUnitIds) =>
        helperUnitIds is { Count: > 0 }
            ? $"to {unitId.Trim()} (lead) with helpers {string.Join(", ", helperUnitIds.Select(helper => helper.Trim()))}"
            : $"to {unitId.Trim()}";
}
