using System.Text.Json.Serialization;
using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;

namespace LiveGrid.Grains.Events;

/// <summary>
/// Source-generated JSON for events and for the grain-facing views the API and the hub send. Like
/// <see cref="TicketJsonContext"/>, spellings come from attributes on the types, not from options.
/// </summary>
[JsonSerializable(typeof(DomainEvent))]
[JsonSerializable(typeof(TicketView))]
[JsonSerializable(typeof(TicketSummary))]
[JsonSerializable(typeof(TicketCommandResult))]
[JsonSerializable(typeof(TicketIntake))]
[JsonSerializable(typeof(GridBoard))]
[JsonSerializable(typeof(AreaBoard))]
[JsonSerializable(typeof(InspectionView))]
[JsonSerializable(typeof(InspectionPlan))]
[JsonSerializable(typeof(InspectionResult))]
[JsonSerializable(typeof(WorkerView))]
[JsonSerializable(typeof(WorkerNotification))]
[JsonSerializable(typeof(IReadOnlyList<WorkerNotification>))]
[JsonSerializable(typeof(IReadOnlyList<TicketTransition>))]
public sealed partial class DomainEventJsonContext : JsonSerializerContext
{
}
