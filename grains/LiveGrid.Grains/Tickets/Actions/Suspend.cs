namespace LiveGrid.Grains.Tickets;

/// <summary>停止计时: stop the clock, e.g. while waiting on the citizen or a third party. Remembers where to resume.</summary>
public sealed record Suspend(TicketActor Actor, DateTimeOffset At, string Reason) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.Suspend;

    internal override string? AuditNote => Reason;

    internal override string? Problem(Ticket ticket) => ActionChecks.Required(Reason, "the reason for stopping the clock");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket with
    {
        Suspensions = [.. ticket.Suspensions, new TicketSuspension(ticket.Status, Reason.Trim(), at)],
    };
}
