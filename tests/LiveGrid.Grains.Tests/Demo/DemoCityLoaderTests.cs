using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Demo;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Grains.Tests.Demo;

/// <summary>
/// The demo load on a SQLite file store: a week of tickets in a realistic mix, then a restart in which the catalog
/// loader finds them again (recent days in full, older days for their open tickets).
/// </summary>
[Collection(nameof(HeavyLoadCollection))]
public sealed class DemoCityLoaderTests(ITestOutputHelper output)
{
    // Friday 27 November 2026, 10:00 in Beijing.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_week_of_history_loads_and_the_catalog_finds_it_after_a_restart()
    {
        using var data = new TempDirectory("demo");
        var options = new DemoLoadOptions { Seed = 11, Days = 7, TicketsPerDay = 100 };
        DemoLoadResult loaded;
        IReadOnlyDictionary<string, TicketStatus> statuses;
        await using (var silo = await StartAsync(data.Path, CityModel.CreateDefault()))
        {
            var model = silo.Services.GetRequiredService<CityModel>();
            loaded = await DemoCityLoader.LoadAsync(silo.GrainFactory, model, silo.Time, options);
            output.WriteLine($"demo load: {loaded.Tickets} tickets in {loaded.Elapsed.TotalSeconds:0.0} s; " +
                $"open {loaded.Open}, closed {loaded.Closed}, overdue {loaded.Overdue}, returned {loaded.Returned}, " +
                $"extended {loaded.Extended}, suspended {loaded.EverSuspended} ({loaded.SuspendedNow} now), reworked {loaded.Reworked}; " +
                string.Join(", ", loaded.ByStatus.Select(s => $"{s.Key} {s.Value}")));

            loaded.FirstRefusal.Should().BeNull();
            loaded.Refused.Should().Be(0);
            loaded.Tickets.Should().Be(700);
            loaded.Territory.Grids.Should().Be(400);
            loaded.Territory.Understaffed.Should().HaveCount(DemoCity.UnderstaffedGrids);
            model.Territory.Index.Grids.Should().HaveCount(400);
            loaded.Closed.Should().BeGreaterThan(loaded.Tickets * 7 / 10);
            loaded.ByStatus.Keys.Should().Contain([
                TicketStatus.Received, TicketStatus.Classified, TicketStatus.Dispatched, TicketStatus.Returned, TicketStatus.Accepted,
                TicketStatus.Suspended, TicketStatus.OnSite, TicketStatus.Resolved, TicketStatus.CalledBack, TicketStatus.Closed]);
            loaded.Overdue.Should().BeGreaterThan(10);
            loaded.Returned.Should().BeGreaterThan(5);
            loaded.Extended.Should().BeGreaterThan(3);
            loaded.EverSuspended.Should().BeGreaterThan(loaded.SuspendedNow).And.BeGreaterThan(5);
            loaded.Reworked.Should().BeGreaterThan(3);
            var catalog = silo.Services.GetRequiredService<ITicketCatalog>();
            catalog.Count.Should().Be(700, "every ticket grain reports its summary");
            statuses = catalog.All.ToDictionary(s => s.Id, s => s.Status);
        }

        // A new host on the same store: empty catalog, empty city until the territory grain restores it.
        var restartedModel = CityModel.CreateDefault();
        await using var restarted = await StartAsync(data.Path, restartedModel);
        (await restarted.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Restore()).Should().BeTrue();
        restartedModel.Territory.Index.Grids.Should().HaveCount(400);
        var restartedCatalog = restarted.Services.GetRequiredService<ITicketCatalog>();
        restartedCatalog.Count.Should().Be(0);

        // Two days in full, the six before them for open tickets only.
        var recent = await TicketCatalogLoader.LoadAsync(restarted.GrainFactory, restartedCatalog, restartedModel, restarted.Time, days: 2, olderOpenDays: 6);
        output.WriteLine($"catalog load (2 days): {recent}");
        recent.Loaded.Should().Be(recent.Numbers).And.BeGreaterThan(50).And.BeLessThan(300);
        recent.Missing.Should().Be(0);
        recent.OlderOpen.Should().BeGreaterThan(0);
        recent.Open.Should().Be(loaded.Open, "every open ticket is found, recent or not");

        // The whole week (8 local dates) by number.
        var week = await TicketCatalogLoader.LoadAsync(restarted.GrainFactory, restartedCatalog, restartedModel, restarted.Time, days: 8);
        output.WriteLine($"catalog load (8 days): {week}");
        week.Loaded.Should().Be(700);
        restartedCatalog.Count.Should().Be(700);
        restartedCatalog.All.ToDictionary(s => s.Id, s => s.Status).Should().Equal(statuses);
    }

    private static Task<TestSilo> StartAsync(string directory, CityModel model) =>
        TestSilo.StartAsync(GrainsAssembly.Assembly, options =>
        {
            options.Time = new ManualTimeProvider(Now);
            options.ConfigureServices = services => TestCity.AddCityServices(services, model);
            options.ConfigureRuntimeBuilder = builder => builder.AddSqliteStorage(o => o.DataDirectory = directory);
            options.ConfigureRuntime = runtime => runtime.CallTimeout = TimeSpan.FromMinutes(2);
            options.StopTimeout = TimeSpan.FromSeconds(60);
        });
}
