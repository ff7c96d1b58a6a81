using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Grids;

public sealed class GridDayAndHotspotTests
{
    [Fact]
    public async Task Todays_counters_reset_at_local_midnight_without_any_traffic_and_the_boards_hear_of_it()
    {
        var start = ShanghaiTime.At("2026-03-09 23:50");
        await using var silo = await TestCity.StartSiloAsync(start);
        var stream = silo.Services.GetRequiredService<IDomainEventStream>();
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1);
        var ticket = Summaries.Ticket("t1", TestCity.Grid1, start.AddMinutes(-5));
        silo.Services.GetRequiredService<ITicketCatalog>().Upsert(ticket);
        await grid.TrackTicket(ticket);
        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid1, ShanghaiTime.At("2026-03-09 17:00"), InspectionStatus.Completed, version: 3));
        await silo.SettleAsync();
        (await grid.GetBoard()).Counters.ReceivedToday.Should().Be(1);
        using var subscription = stream.Subscribe("test");

        // Ten minutes to midnight UTC+8 is 15:50Z: midnight is 16:00Z.
        var midnight = ShanghaiTime.At("2026-03-10 00:00");
        var delay = silo.Services.GetRequiredService<CityModel>().Policies.BoardReportDelay;
        silo.Time.AdvanceTo(midnight);
        // Nothing calls the grid: only its midnight timer can arm a report.
        await silo.Time.WaitForTimerDueByAsync(midnight + delay).WaitAsync(Eventually.Timeout);
        silo.Time.Advance(delay);
        var rolledOver = await ReadUntilAsync(subscription, e => e is GridChanged { Report: { Code: TestCity.Grid1, Counters.Day: var day } } && day == ShanghaiTime.Day("2026-03-10"));

        var counters = ((GridChanged)rolledOver).Report.Counters;
        counters.ReceivedToday.Should().Be(0, "the ticket came in yesterday");
        counters.PatrolsScheduledToday.Should().Be(0);
        counters.PatrolsCompletedToday.Should().Be(0);
        counters.Open.Should().Be(1, "the ticket is still open on the new day");
        await silo.SettleAsync();
        var city = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
        city.Counters.Day.Should().Be(ShanghaiTime.Day("2026-03-10"));
        city.Counters.ReceivedToday.Should().Be(0);
        city.Counters.Open.Should().Be(1);
    }

    [Fact]
    public async Task The_hotspot_halves_every_half_life_and_patrol_findings_count_like_new_tickets()
    {
        var start = ShanghaiTime.At("2026-03-09 09:00");
        await using var silo = await TestCity.StartSiloAsync(start);
        var halfLife = silo.Services.GetRequiredService<CityModel>().Policies.HotspotHalfLife;
        var catalog = silo.Services.GetRequiredService<ITicketCatalog>();
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid2);
        for (var i = 0; i < 4; i++)
        {
            var ticket = Summaries.Ticket($"t{i}", TestCity.Grid2, start);
            catalog.Upsert(ticket);
            await grid.TrackTicket(ticket);
        }

        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid2, start, InspectionStatus.Started, version: 2, findings: 1));
        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid2, start, InspectionStatus.Started, version: 4, findings: 4));
        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid2, start, InspectionStatus.Started, version: 3, findings: 2));
        (await grid.GetBoard()).Hotspot.Should().BeApproximately(8, 1e-9, "four tickets and four findings");

        // One half-life later (the grid is deactivated in between and derives its tickets again from the catalog).
        silo.Time.Advance(halfLife - TimeSpan.FromHours(1));
        await silo.AdvanceUntilAsync(TimeSpan.FromMinutes(1), () => silo.Runtime.ActivationCount == 0, "the idle grid was deactivated");
        silo.Time.AdvanceTo(start + halfLife);
        (await grid.GetBoard()).Hotspot.Should().BeApproximately(4, 1e-9);
        var report = await grid.GetReport();
        report.Hotspot.ValueAt(report.Hotspot.AsOf + halfLife + halfLife, halfLife).Should().BeApproximately(1, 1e-9);

        var moreTicket = Summaries.Ticket("t9", TestCity.Grid2, silo.Time.GetUtcNow());
        catalog.Upsert(moreTicket);
        await grid.TrackTicket(moreTicket);
        (await grid.GetBoard()).Hotspot.Should().BeApproximately(5, 1e-9);
        await silo.SettleAsync();
        (await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard()).Hotspot.Should().BeApproximately(5, 1e-3, "settling took a few seconds of decay");
    }

    [Fact]
    public async Task Todays_patrols_are_counted_by_status_with_the_highest_version_of_each()
    {
        var start = ShanghaiTime.At("2026-03-09 12:00");
        await using var silo = await TestCity.StartSiloAsync(start);
        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid3);
        var morning = ShanghaiTime.At("2026-03-09 08:00");
        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid3, morning, InspectionStatus.Completed, version: 5, findings: 2));
        await grid.TrackInspection(Summaries.Patrol("p1", TestCity.Grid3, morning, InspectionStatus.Started, version: 2));
        await grid.TrackInspection(Summaries.Patrol("p2", TestCity.Grid3, morning, InspectionStatus.Missed, version: 2));
        await grid.TrackInspection(Summaries.Patrol("p3", TestCity.Grid3, ShanghaiTime.At("2026-03-09 17:00"), InspectionStatus.Scheduled, version: 1));
        await grid.TrackInspection(Summaries.Patrol("p4", TestCity.Grid3, ShanghaiTime.At("2026-03-08 17:00"), InspectionStatus.Completed, version: 4, findings: 7));
        await grid.TrackInspection(Summaries.Patrol("p5", TestCity.Grid3, ShanghaiTime.At("2026-03-10 08:00"), InspectionStatus.Scheduled, version: 1));
        await grid.TrackInspection(Summaries.Patrol("p6", TestCity.Grid4, morning, InspectionStatus.Completed, version: 1));
        await grid.TrackInspection(Summaries.Patrol("v1", TestCity.Grid3, morning, InspectionStatus.Completed, version: 3, findings: 1) with { Kind = InspectionKind.Verification, Passed = true });

        var board = await grid.GetBoard();
        board.Counters.PatrolsScheduledToday.Should().Be(3, "p1, p2 and p3 are today's patrols of this grid");
        board.Counters.PatrolsCompletedToday.Should().Be(1);
        board.Counters.PatrolsMissedToday.Should().Be(1);
        board.Counters.FindingsToday.Should().Be(3, "two on p1 and one on the verification");
        board.PatrolsToday.Select(p => (p.Id, p.Status)).Should().Equal(
            ("p1", InspectionStatus.Completed), ("p2", InspectionStatus.Missed), ("p3", InspectionStatus.Scheduled));

        // Tomorrow's patrol is kept (persisted) and counts once its day comes, even across a deactivation.
        silo.Time.AdvanceTo(ShanghaiTime.At("2026-03-10 09:00"));
        await silo.AdvanceUntilAsync(TimeSpan.FromMinutes(1), () => silo.Runtime.ActivationCount == 0, "the idle boards were deactivated");
        var tomorrow = await grid.GetBoard();
        tomorrow.PatrolsToday.Select(p => p.Id).Should().Equal("p5");
        tomorrow.Counters.PatrolsScheduledToday.Should().Be(1);
        tomorrow.Counters.FindingsToday.Should().Be(0);
    }

    private static async Task<DomainEvent> ReadUntilAsync(DomainEventSubscription subscription, Func<DomainEvent, bool> match)
    {
        using var limit = new CancellationTokenSource(Eventually.Timeout);
        while (true)
        {
            var next = await subscription.Reader.ReadAsync(limit.Token);
            if (match(next))
            {
                return next;
            }
        }
    }
}
