using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime.Storage;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>An action whose write fails is not acknowledged, so it must not survive in memory to be written later.</summary>
public sealed class TicketStoreOutageTests
{
    [Fact]
    public async Task An_accept_that_failed_while_the_store_was_down_is_not_there_after_the_store_returns_and_can_be_done_again()
    {
        var store = new OutageStorage();
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"), options =>
            options.ConfigureServices = services =>
            {
                TestCity.AddCityServices(services);
                services.AddSingleton<IGrainStorage>(store);
            });
        var id = (await desk.ReceiveAsync()).Summary.Id;
        var dispatched = await desk.DoAsync(id, new Dispatch(People.Dispatcher, default, ""));
        dispatched.Summary.Status.Should().Be(TicketStatus.Dispatched);

        // Down for the write and for reading the ticket back: the grain cannot learn from the store what it holds.
        store.Down = true;
        await FluentActions.Awaiting(() => desk.ActAsync(id, new Accept(People.Handler, default)))
            .Should().ThrowAsync<IOException>();
        store.Down = false;

        var after = await desk.SummaryAsync(id);
        after.Status.Should().Be(TicketStatus.Dispatched, "the failed accept was never stored, so it is not the ticket's state");
        after.Version.Should().Be(dispatched.Summary.Version);

        var accepted = await desk.DoAsync(id, new Accept(People.Handler, default));
        accepted.Summary.Version.Should().Be(dispatched.Summary.Version + 1);
        accepted.Ticket.History.Count(t => t.Action == TicketActionKind.Accept).Should().Be(1);
    }
}
