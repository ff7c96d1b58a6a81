using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Events;

/// <summary>A ticket took an action: the audit entry and the ticket's summary after it.</summary>
public sealed record TicketChanged(TicketSummary Summary, TicketTransition Transition) : DomainEvent;
