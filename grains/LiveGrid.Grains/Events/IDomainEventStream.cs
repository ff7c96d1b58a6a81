namespace LiveGrid.Grains.Events;

/// <summary>
/// The one in-process stream of domain events. Grains publish after their change is durable; consumers (aggregates,
/// the push hub) subscribe and read in publication order, which keeps each stream's order.
/// </summary>
public interface IDomainEventStream
{
    /// <summary>Hands the event to every current subscriber. Never blocks and never throws for a slow subscriber.</summary>
    void Publish(DomainEvent domainEvent);

    /// <summary>
    /// A new subscription that receives every event published from now on, until disposed. A subscriber that falls
    /// more than <paramref name="capacity"/> events behind is marked <see cref="DomainEventSubscription.Overflowed"/>
    /// and must resynchronise from snapshots.
    /// </summary>
    DomainEventSubscription Subscribe(string name, int capacity = 100_000);
}
