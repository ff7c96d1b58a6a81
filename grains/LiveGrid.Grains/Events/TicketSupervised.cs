using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Events;

/// <summary>A supervision step (督办) on an overdue ticket: reminder, formal notice or escalation to <see cref="EscalatedTo"/>.</summary>
public sealed record TicketSupervised(TicketSummary Summary, SupervisionLevel Level, TerritoryLevel EscalatedTo, string Note) : DomainEvent;
