using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Events;

/// <summary>
/// A state change of one grain, as the rest of LiveGrid (aggregates, the push hub, reports) hears of it. Events of one
/// stream are numbered 1, 2, 3... in the order the grain made the changes, so a consumer that sees a gap knows it
/// missed something. <see cref="SchemaVersion"/> says which shape of the type this is; a new field is a new version.
/// The discriminators are part of the wire format: never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TicketChanged), "ticketChanged")]
[JsonDerivedType(typeof(TicketAgingChanged), "ticketAgingChanged")]
[JsonDerivedType(typeof(TicketSupervised), "ticketSupervised")]
[JsonDerivedType(typeof(TicketSuspensionTooLong), "ticketSuspensionTooLong")]
[JsonDerivedType(typeof(TicketDuplicateSuspected), "ticketDuplicateSuspected")]
[JsonDerivedType(typeof(InspectionChanged), "inspectionChanged")]
[JsonDerivedType(typeof(WorkerChanged), "workerChanged")]
[JsonDerivedType(typeof(WorkerNotified), "workerNotified")]
[JsonDerivedType(typeof(GridChanged), "gridChanged")]
[JsonDerivedType(typeof(AreaChanged), "areaChanged")]
public abstract record DomainEvent
{
    /// <summary>The emitting grain, as "kind/key": "ticket/20261122-000001", "grid/110101001001001", "area/110101001".</summary>
    public required string Stream { get; init; }

    /// <summary>1-based position in <see cref="Stream"/>; consecutive within one activation history of the grain.</summary>
    public required long Sequence { get; init; }

    /// <summary>When the change happened (UTC).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The version of this event type's shape.</summary>
    public int SchemaVersion { get; init; } = 1;

    public static string StreamOf(string kind, string key) => $"{kind}/{key}";
}
