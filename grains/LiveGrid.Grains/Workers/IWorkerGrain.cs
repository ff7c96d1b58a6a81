using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Workers;

/// <summary>
/// One grid worker (key: the worker id): on or off duty (AB岗 routes to the backup when the primary is off), the
/// tickets and inspections currently theirs, and an ordered feed of notifications the push hub delivers.
/// It calls nothing: tickets and inspections report to it.
/// </summary>
public interface IWorkerGrain : IGrainWithStringKey
{
    Task<WorkerView> SetDuty(bool onDuty, DateTimeOffset at);

    [AlwaysInterleave]
    Task<bool> IsOnDuty();

    /// <summary>A ticket's current summary: kept while it is open and assigned to this worker, dropped otherwise. Idempotent by version.</summary>
    Task TrackTicket(TicketSummary summary);

    /// <summary>An inspection's current summary, kept while open. Idempotent by version.</summary>
    Task TrackInspection(InspectionSummary summary);

    /// <summary>Appends to the feed; returns the notification with its sequence number.</summary>
    Task<WorkerNotification> Notify(WorkerNotification notification);

    Task<WorkerView> Get();

    /// <summary>Feed entries after <paramref name="afterSequence"/>, oldest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<WorkerNotification>> GetFeed(long afterSequence = 0, int max = 100);
}
