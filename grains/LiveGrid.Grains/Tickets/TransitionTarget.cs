namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Where a row of the lifecycle table leads: usually a fixed status; "stays" for actions that only record something;
/// or a status read from the ticket or the action (resume, verification), described in words for the readable table.
/// </summary>
public sealed class TransitionTarget
{
    private readonly Func<Ticket, TicketAction, TicketStatus> _next;

    private TransitionTarget(string description, Func<Ticket, TicketAction, TicketStatus> next)
    {
        Description = description;
        _next = next;
    }

    /// <summary>The status stays as it is (the action records something).</summary>
    public static TransitionTarget Stays { get; } = new("(stays)", (ticket, _) => ticket.Status);

    /// <summary>Back to the status the ticket was suspended from.</summary>
    public static TransitionTarget SuspendedFrom { get; } = new(
        "the status it was suspended from",
        (ticket, _) => ticket.SuspendedFrom ?? throw new InvalidOperationException($"Ticket {ticket.Id} is Suspended without an open suspension."));

    /// <summary>A verification that passes closes the ticket; one that fails holds it in Resolved until rework.</summary>
    public static TransitionTarget ClosedIfVerified { get; } = new(
        "Closed if passed, else stays (awaiting rework)",
        (ticket, action) => action is Verify { Passed: true } ? TicketStatus.Closed : ticket.Status);

    public string Description { get; }

    public static TransitionTarget To(TicketStatus status) => new(status.ToString(), (_, _) => status);

    public TicketStatus Next(Ticket ticket, TicketAction action) => _next(ticket, action);

    public override string ToString() => Description;
}
