using System.Diagnostics.CodeAnalysis;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The outcome of <see cref="Ticket.Apply"/>: either the changed ticket and the audit entry of the change, or a
/// rejection with the ticket as it was. <see cref="Ticket"/> is always the ticket to keep.
/// </summary>
public sealed class TicketResult
{
    private TicketResult(Ticket ticket, TicketTransition? transition, TicketRejection? rejection)
    {
        Ticket = ticket;
        Transition = transition;
        Rejection = rejection;
    }

    public Ticket Ticket { get; }

    public TicketTransition? Transition { get; }

    public TicketRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Transition))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsApplied => Transition is not null;

    internal static TicketResult Applied(Ticket changed, TicketTransition transition) => new(changed, transition, null);

    internal static TicketResult Rejected(Ticket unchanged, TicketRejection rejection) => new(unchanged, null, rejection);

    public override string ToString() => IsApplied
        ? $"Applied #{Transition.Sequence} {Transition.Action}: {Transition.From} -> {Transition.To}"
        : $"Rejected ({Rejection.Reason}): {Rejection.Message}";
}
