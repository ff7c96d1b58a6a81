using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Inspections;

/// <summary>One entry of an inspection's audit trail.</summary>
public sealed record InspectionStep(int Sequence, DateTimeOffset At, TicketActor By, InspectionStatus? From, InspectionStatus To, string Action, string? Note);
