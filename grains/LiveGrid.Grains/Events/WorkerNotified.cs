using LiveGrid.Grains.Workers;

namespace LiveGrid.Grains.Events;

/// <summary>A new entry in a worker's feed, for the push hub to deliver to their phone.</summary>
public sealed record WorkerNotified(string WorkerId, WorkerNotification Notification) : DomainEvent;
