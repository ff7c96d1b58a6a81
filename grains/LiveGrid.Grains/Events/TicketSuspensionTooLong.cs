using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Events;

/// <summary>停止计时期限过长: a ticket's clock has been stopped longer than policy allows.</summary>
public sealed record TicketSuspensionTooLong(TicketSummary Summary, DateTimeOffset SuspendedSince, string Reason) : DomainEvent;
