using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Boards;

public sealed class AreaBoardTests
{
    private static readonly DateTimeOffset Start = ShanghaiTime.At("2026-03-09 10:00");

    [Fact]
    public async Task Grids_add_up_to_their_community_street_district_and_city_boards()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        for (var n = 1; n <= 4; n++)
        {
            var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grids[n - 1]);
            for (var i = 1; i <= n; i++)
            {
                // Grid n has n tickets; the first of each is overdue with a deadline n hours ago.
                var ticket = Summaries.Ticket($"g{n}-t{i}", TestCity.Grids[n - 1], Start.AddMinutes(-i));
                await grid.TrackTicket(i == 1 ? ticket with { Bucket = AgingBucket.Overdue, Deadline = Start.AddHours(-n) } : ticket);
            }
        }

        await silo.SettleAsync();

        var community1 = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community1).GetBoard();
        var community2 = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community2).GetBoard();
        var street = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Street).GetBoard();
        var district = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.District).GetBoard();
        var city = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();

        community1.Counters.Open.Should().Be(3);
        community1.Children.Select(c => c.Code).Should().Equal(TestCity.Grid1, TestCity.Grid2);
        community1.Level.Should().Be(TerritoryLevel.Community);
        community1.Name.Should().Be("多福巷社区");
        community2.Counters.Open.Should().Be(7);
        street.Counters.Open.Should().Be(10);
        street.Children.Select(c => c.Code).Should().Equal(TestCity.Community1, TestCity.Community2);
        district.Counters.Open.Should().Be(10);
        city.Counters.Open.Should().Be(10);
        city.Counters.ReceivedToday.Should().Be(10);
        city.Counters.Overdue.Should().Be(4);
        city.Counters.Aging.Under50.Should().Be(6);
        city.Counters.ByStatus.Should().BeEquivalentTo(new Dictionary<TicketStatus, int> { [TicketStatus.Dispatched] = 10 });
        city.Level.Should().BeNull();
        city.Name.Should().Be("测试市");
        city.Children.Should().ContainSingle().Which.Code.Should().Be(TestCity.District);
        city.BreachingNext.Select(b => b.TicketId).Take(4).Should().Equal("g4-t1", "g3-t1", "g2-t1", "g1-t1");
        city.Hotspot.Should().BeApproximately(10, 0.05, "ten tickets came in within minutes of a 24-hour half-life");
    }

    [Fact]
    public async Task A_burst_of_changes_in_one_grid_makes_one_report_and_one_event_per_board()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var stream = silo.Services.GetRequiredService<IDomainEventStream>();
        await silo.SettleAsync();
        var cityBefore = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
        using var subscription = stream.Subscribe("test");

        var grid = silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid1);
        var ticket = Summaries.Ticket("t1", TestCity.Grid1, Start);
        await grid.TrackTicket(ticket);
        for (var i = 0; i < 50; i++)
        {
            ticket = ticket.Next(Start, s => s with { Status = s.Status == TicketStatus.Accepted ? TicketStatus.OnSite : TicketStatus.Accepted });
            await grid.TrackTicket(ticket);
        }

        await silo.SettleAsync();

        var events = new List<DomainEvent>();
        while (subscription.Reader.TryRead(out var domainEvent))
        {
            events.Add(domainEvent);
        }

        events.OfType<GridChanged>().Should().ContainSingle().Which.Report.Counters.ByStatus.Should()
            .BeEquivalentTo(new Dictionary<TicketStatus, int> { [ticket.Status] = 1 });
        events.OfType<GridChanged>().Single().Stream.Should().Be($"grid/{TestCity.Grid1}");
        events.OfType<AreaChanged>().Select(e => e.Stream).Should().BeEquivalentTo(
            [$"area/{TestCity.Community1}", $"area/{TestCity.Street}", $"area/{TestCity.District}", "area/city"]);
        var city = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
        city.Version.Should().BeGreaterThan(cityBefore.Version);
        city.Counters.Open.Should().Be(1);
    }

    [Fact]
    public async Task A_reactivated_board_rebuilds_from_its_children_and_reports_versions_above_its_old_ones()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        await silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid3).TrackTicket(Summaries.Ticket("t1", TestCity.Grid3, Start));
        await silo.SettleAsync();
        var before = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community2).GetReport();

        // Idle past the collection age: every board and grid is deactivated; the grid's tickets stay in the catalog only
        // if a ticket grain put them there, so put this one there as its grain would have.
        silo.Services.GetRequiredService<LiveGrid.Grains.Catalog.ITicketCatalog>().Upsert(Summaries.Ticket("t1", TestCity.Grid3, Start));
        await silo.AdvanceUntilAsync(TimeSpan.FromMinutes(1), () => silo.Runtime.ActivationCount == 0, "every grain was deactivated");

        await silo.SettleAsync();
        var after = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community2).GetReport();
        after.Version.Should().BeGreaterThan(before.Version);
        after.Counters.Open.Should().Be(1);
        (await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard()).Counters.Open.Should().Be(1);
    }

    [Fact]
    public async Task A_board_drops_a_child_the_replaced_territory_no_longer_has()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        await silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid4).TrackTicket(Summaries.Ticket("t1", TestCity.Grid4, Start));
        await silo.GrainFactory.GetGrain<IGridGrain>(TestCity.Grid3).TrackTicket(Summaries.Ticket("t2", TestCity.Grid3, Start));
        await silo.SettleAsync();
        (await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community2).GetBoard()).Counters.Open.Should().Be(2);

        var model = silo.Services.GetRequiredService<City.CityModel>();
        var old = model.Territory;
        var withoutGrid4 = old.Index.Districts.Cast<TerritoryNode>()
            .Concat(old.Index.Districts.SelectMany(d => old.Index.Children(d.Code)))
            .Concat(old.Index.Districts.SelectMany(d => old.Index.Children(d.Code)).SelectMany(s => old.Index.Children(s.Code)))
            .Concat(old.Index.Grids.Where(g => g.Code.Value != TestCity.Grid4));
        model.ReplaceTerritory(new City.CityTerritory(old.CityName, withoutGrid4, old.Workers.Where(w => w.GridCode != TestCity.Grid4), old.Departments));
        await silo.SettleAsync();

        var community2 = await silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Community2).GetBoard();
        community2.Children.Select(c => c.Code).Should().Equal(TestCity.Grid3);
        community2.Counters.Open.Should().Be(1);
        (await silo.GrainFactory.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard()).Counters.Open.Should().Be(1);
    }

    [Fact]
    public async Task An_area_keeps_the_highest_version_per_child_and_ignores_reports_from_outside_it()
    {
        await using var silo = await TestCity.StartSiloAsync(Start);
        var street = silo.GrainFactory.GetGrain<IAreaBoardGrain>(TestCity.Street);
        var day = ShanghaiTime.Day("2026-03-09");
        AreaChild Community1(long version, int open) => new(
            TestCity.Community1, "多福巷社区", TerritoryLevel.Community, version, BoardCounters.Empty(day) with { Open = open },
            HotspotScore.Zero(Start), []);

        var before = await street.GetBoard();
        var newer = before.Children.Single(c => c.Code == TestCity.Community1).Version + 100;
        await street.UpdateChild(Community1(newer, open: 7));
        await street.UpdateChild(Community1(newer - 1, open: 3));
        await street.UpdateChild(Community1(newer, open: 5));
        await street.UpdateChild(Community1(newer + 1, open: 9) with { Code = "110101002001" });

        var board = await street.GetBoard();
        board.Counters.Open.Should().Be(7, "a late or repeated report does not replace a newer one");
        board.Children.Select(c => c.Code).Should().Equal(TestCity.Community1, TestCity.Community2);
        board.Version.Should().BeGreaterThan(before.Version);
        var report = await street.GetReport();
        report.Version.Should().Be(board.Version);
        report.Level.Should().Be(TerritoryLevel.Street);
    }
}
