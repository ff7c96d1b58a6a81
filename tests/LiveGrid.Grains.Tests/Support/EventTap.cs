using LiveGrid.Grains.Events;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>
/// Everything a silo's grains publish from the moment of subscription, read as it arrives. Grains publish before the
/// call returns, so after awaiting a call its events are already here; <see cref="WaitForAsync{T}"/> covers changes
/// made by reminders.
/// </summary>
public sealed class EventTap : IDisposable
{
    private readonly DomainEventSubscription _subscription;
    private readonly List<DomainEvent> _seen = [];

    public EventTap(TestSilo silo)
    {
        _subscription = silo.Services.GetRequiredService<IDomainEventStream>().Subscribe("test-tap");
    }

    /// <summary>The events of one stream ("worker/w1a"), oldest first.</summary>
    public IReadOnlyList<DomainEvent> Of(string stream)
    {
        Drain();
        return [.. _seen.Where(e => e.Stream == stream)];
    }

    public IReadOnlyList<T> OfType<T>()
        where T : DomainEvent
    {
        Drain();
        return [.. _seen.OfType<T>()];
    }

    /// <summary>Completes once an event of type <typeparamref name="T"/> satisfying <paramref name="condition"/> was published.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> condition, string what)
        where T : DomainEvent
    {
        T? found = null;
        await Eventually.UntilAsync(() => (found = OfType<T>().FirstOrDefault(condition)) is not null, what);
        return found!;
    }

    public void Dispose() => _subscription.Dispose();

    private void Drain()
    {
        lock (_seen)
        {
            while (_subscription.Reader.TryRead(out var next))
            {
                _seen.Add(next);
            }
        }
    }
}
