using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>
/// A hotline desk over a test silo: takes tickets in through the number grain and the ticket grain, acts on them, and
/// records every domain event the silo publishes, so tests assert on what consumers would see.
/// </summary>
internal sealed class TicketDesk : IAsyncDisposable
{
    private readonly DomainEventSubscription _subscription;
    private readonly List<DomainEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly Task _reader;

    private TicketDesk(TestSilo silo)
    {
        Silo = silo;
        _subscription = silo.Services.GetRequiredService<IDomainEventStream>().Subscribe("ticket-desk");
        _reader = Task.Run(async () =>
        {
            await foreach (var domainEvent in _subscription.Reader.ReadAllAsync())
            {
                lock (_lock)
                {
                    _events.Add(domainEvent);
                }
            }
        });
    }

    public TestSilo Silo { get; }

    public ManualTimeProvider Time => Silo.Time;

    /// <summary>Moves the clock timer by timer, letting each instant's work finish (see <see cref="SettledClock"/>).</summary>
    public Task AdvanceToAsync(DateTimeOffset at) => Time.AdvanceSettledAsync(Silo.Runtime, at);

    public Task AdvanceAsync(TimeSpan by) => AdvanceToAsync(Time.GetUtcNow() + by);

    public ITicketCatalog Catalog => Silo.Services.GetRequiredService<ITicketCatalog>();

    public static async Task<TicketDesk> OpenAsync(DateTimeOffset start, Action<TestSiloOptions>? configure = null) =>
        new(await TestCity.StartSiloAsync(start, configure));

    public ITicketGrain Ticket(string id) => Silo.GrainFactory.GetGrain<ITicketGrain>(id);

    /// <summary>Events of one ticket's stream, in publication order.</summary>
    public IReadOnlyList<DomainEvent> EventsOf(string ticketId)
    {
        var stream = DomainEvent.StreamOf("ticket", ticketId);
        lock (_lock)
        {
            return [.. _events.Where(e => e.Stream == stream)];
        }
    }

    public async Task<T> WaitForEventAsync<T>(string ticketId, Func<T, bool>? where = null, string? what = null)
        where T : DomainEvent
    {
        T? found = null;
        await Eventually.UntilAsync(
            () => (found = EventsOf(ticketId).OfType<T>().LastOrDefault(e => where?.Invoke(e) ?? true)) is not null,
            what ?? $"a {typeof(T).Name} on ticket {ticketId}");

        // The event is published mid-turn; a call queues behind the rest of that turn (its reports), so the test
        // does not move the clock while the turn's own calls are in flight (their timeouts run on the same clock).
        await Ticket(ticketId).GetSummary().WaitAsync(Eventually.Timeout);
        return found!;
    }

    public async Task<string> NextNumberAsync()
    {
        var day = TicketNumberGrain.KeyFor(TestCity.Model().LocalDate(Time.GetUtcNow()));
        return await Silo.GrainFactory.GetGrain<ITicketNumberGrain>(day).Next().WaitAsync(Eventually.Timeout);
    }

    /// <summary>Takes a classified ticket in at the centre of grid <paramref name="grid"/> (1-4).</summary>
    public async Task<TicketView> ReceiveAsync(
        string category = "暴露垃圾", Priority priority = Priority.Normal, RequestKind kind = RequestKind.Complaint, int grid = 1,
        string? id = null, (double Longitude, double Latitude)? at = null)
    {
        id ??= await NextNumberAsync();
        var (lon, lat) = at ?? TestCity.Centre(grid);
        var result = await Ticket(id).Receive(Intake(category, priority, kind) with { Longitude = lon, Latitude = lat }).WaitAsync(Eventually.Timeout);
        result.Applied.Should().BeTrue(result.Rejection?.Message);
        return result.View!;
    }

    public static TicketIntake Intake(string? category = "暴露垃圾", Priority? priority = Priority.Normal, RequestKind? kind = RequestKind.Complaint) => new()
    {
        ReceivedBy = People.Operator,
        Description = "小区门口堆放生活垃圾，已有异味",
        CallerName = "刘先生",
        CallerPhone = "13812345678",
        Address = "多福巷12号",
        Category = category,
        Priority = priority,
        Kind = kind,
    };

    public async Task<TicketCommandResult> ActAsync(string id, TicketAction action, int? expectedVersion = null) =>
        await Ticket(id).Execute(action, expectedVersion).WaitAsync(Eventually.Timeout);

    /// <summary>Applies an action that must succeed; returns the view after it.</summary>
    public async Task<TicketView> DoAsync(string id, TicketAction action)
    {
        var result = await ActAsync(id, action);
        result.Applied.Should().BeTrue(result.Rejection?.Message);
        return result.View!;
    }

    public async Task<TicketSummary> SummaryAsync(string id) =>
        (await Ticket(id).GetSummary().WaitAsync(Eventually.Timeout))!;

    public async ValueTask DisposeAsync()
    {
        await Silo.DisposeAsync();
        _subscription.Dispose();
        await _reader.WaitAsync(Eventually.Timeout);
    }
}
