using System.Collections.Immutable;

namespace LiveGrid.Grains.Events;

/// <summary>
/// The in-process <see cref="IDomainEventStream"/>: a copy-on-write list of subscriptions, so publishing (on every
/// grain change) takes no lock and costs one queue write per subscriber.
/// </summary>
public sealed class DomainEventStream : IDomainEventStream
{
    private ImmutableArray<DomainEventSubscription> _subscriptions = [];
    private long _published;

    /// <summary>How many events were published since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    public void Publish(DomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        Interlocked.Increment(ref _published);
        // ImmutableArray is a struct over one array reference: reading it is atomic.
        foreach (var subscription in _subscriptions)
        {
            subscription.Offer(domainEvent);
        }
    }

    public DomainEventSubscription Subscribe(string name, int capacity = 100_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var subscription = new DomainEventSubscription(name, capacity, Remove);
        ImmutableInterlocked.Update(ref _subscriptions, static (list, item) => list.Add(item), subscription);
        return subscription;
    }

    private void Remove(DomainEventSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, static (list, item) => list.Remove(item), subscription);
}
