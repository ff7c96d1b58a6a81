using System.Threading.Channels;

namespace LiveGrid.Grains.Events;

/// <summary>One consumer's view of the <see cref="IDomainEventStream"/>: a bounded queue of events in publication order.</summary>
public sealed class DomainEventSubscription : IDisposable
{
    private readonly Channel<DomainEvent> _channel;
    private readonly Action<DomainEventSubscription> _onDispose;
    private int _overflowed;
    private int _disposed;

    internal DomainEventSubscription(string name, int capacity, Action<DomainEventSubscription> onDispose)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Name = name;
        _onDispose = onDispose;
        _channel = Channel.CreateBounded<DomainEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = false,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Name { get; }

    /// <summary>Where the subscriber reads. Completes when the subscription is disposed.</summary>
    public ChannelReader<DomainEvent> Reader => _channel.Reader;

    /// <summary>True once an event could not be queued because the subscriber was too far behind.</summary>
    public bool Overflowed => Volatile.Read(ref _overflowed) == 1;

    internal void Offer(DomainEvent domainEvent)
    {
        if (!_channel.Writer.TryWrite(domainEvent))
        {
            Interlocked.Exchange(ref _overflowed, 1);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _onDispose(this);
        }
    }
}
