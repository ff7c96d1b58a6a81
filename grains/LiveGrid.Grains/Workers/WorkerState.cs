using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Workers;

/// <summary>What a <see cref="WorkerGrain"/> keeps durable.</summary>
public sealed class WorkerState
{
    /// <summary>Set once the worker (or the command center) said so; null means the default (on duty when in the territory).</summary>
    public bool? OnDuty { get; set; }

    public DateTimeOffset? DutyChangedAt { get; set; }

    /// <summary>Open tickets assigned to the worker, by ticket id.</summary>
    public Dictionary<string, TicketSummary> Tickets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The highest revision seen of tickets that left the worker, so a late, older summary cannot bring one back.
    /// Bounded: the oldest entries are forgotten first.
    /// </summary>
    public Dictionary<string, DroppedMark> DroppedTickets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open inspections of the worker, by inspection id.</summary>
    public Dictionary<string, InspectionSummary> Inspections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last version seen of inspections that ended, as for <see cref="DroppedTickets"/>.</summary>
    public Dictionary<string, DroppedMark> DroppedInspections { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Numbers the dropped marks, so the oldest is forgotten first.</summary>
    public long DropCount { get; set; }

    /// <summary>The newest notifications, oldest first (the last <see cref="WorkerGrain.FeedCapacity"/>).</summary>
    public List<WorkerNotification> Feed { get; set; } = [];

    public long FeedSequence { get; set; }

    /// <summary>The last sequence number used on the worker's event stream.</summary>
    public long EventSequence { get; set; }
}
