using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Events;

/// <summary>At intake a new ticket looked like an open one: the operator merges it or keeps it.</summary>
public sealed record TicketDuplicateSuspected(TicketSummary Summary, DuplicateCandidate Candidate) : DomainEvent;
