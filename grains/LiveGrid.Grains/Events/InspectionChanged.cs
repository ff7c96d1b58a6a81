using LiveGrid.Grains.Inspections;

namespace LiveGrid.Grains.Events;

/// <summary>An inspection was scheduled, started, passed a checkpoint, recorded a finding, completed or was missed.</summary>
public sealed record InspectionChanged(InspectionSummary Summary, string Action) : DomainEvent;
