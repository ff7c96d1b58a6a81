namespace LiveGrid.Grains.Inspections;

/// <summary>One legal step: in <see cref="From"/> (null: the inspection does not exist yet), <see cref="Command"/> leads to <see cref="To"/>.</summary>
public sealed record InspectionRule(InspectionStatus? From, InspectionCommand Command, InspectionStatus To);
