using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Events;

/// <summary>A ticket's clock crossed a threshold (50%, 75% warning, 100% overdue) without any action.</summary>
public sealed record TicketAgingChanged(TicketSummary Summary, SlaStage Stage, AgingBucket Bucket, DateTimeOffset Deadline) : DomainEvent;
