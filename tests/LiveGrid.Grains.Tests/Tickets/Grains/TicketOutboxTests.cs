using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>A report that fails after the write stays pending and is retried; the command has succeeded regardless.</summary>
public sealed class TicketOutboxTests
{
    [Fact]
    public async Task A_failed_grid_report_is_kept_and_retried_until_delivered_then_retries_stop()
    {
        var flaky = (FlakyCatalog?)null;
        await using var desk = await TicketDesk.OpenAsync(ShanghaiTime.At("2026-03-09 10:00"), options =>
            options.ConfigureServices = services =>
            {
                TestCity.AddCityServices(services);
                services.AddSingleton(sp => flaky = new FlakyCatalog(sp.GetRequiredService<TicketCatalog>()));
                services.AddSingleton<ITicketCatalog>(sp => sp.GetRequiredService<FlakyCatalog>());
            });
        desk.Catalog.Should().BeOfType<FlakyCatalog>();
        flaky!.Failing = true;

        var received = await desk.ReceiveAsync();
        received.Summary.Status.Should().Be(TicketStatus.Classified, "the command succeeded although its grid report failed");
        var attempts = flaky.Finds;
        attempts.Should().BeGreaterThan(0, "the grid was called and failed");

        await AdvanceAsync(desk, TicketGrain.RetryPeriod);
        await Eventually.UntilAsync(() => flaky.Finds > attempts, "the pending report is retried");

        flaky.Failing = false;
        var beforeSuccess = flaky.Finds;
        await AdvanceAsync(desk, TicketGrain.RetryPeriod);
        await Eventually.UntilAsync(() => flaky.Finds > beforeSuccess, "the retry after recovery");
        var delivered = flaky.Finds;

        // A summary call queues behind any retry turn still running, so the count below is settled.
        await desk.SummaryAsync(received.Summary.Id);
        await AdvanceAsync(desk, TicketGrain.RetryPeriod * 3);
        await desk.SummaryAsync(received.Summary.Id);
        flaky.Finds.Should().Be(delivered, "nothing is pending any more, so nothing is retried");
    }

    // Settled: the retry turn that the last advance started has finished (and re-armed its timer) before the next.
    private static Task AdvanceAsync(TicketDesk desk, TimeSpan by) =>
        desk.Time.AdvanceSettledAsync(desk.Silo.Runtime, desk.Time.GetUtcNow() + by);
}
