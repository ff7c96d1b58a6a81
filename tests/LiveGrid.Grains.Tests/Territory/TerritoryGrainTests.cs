using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Runtime.Hosting;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using static LiveGrid.Grains.Tests.Territory.TerritoryDocuments;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class TerritoryGrainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_document_with_problems_changes_nothing()
    {
        var model = CityModel.CreateDefault();
        await using var silo = await StartAsync(model);
        var grain = silo.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key);

        var result = await grain.Replace(Small().WithGrid(0, grid => grid with { Boundary = [[116.4, 39.9]] }));

        result.Applied.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Path.Should().Be($"{GridPath(0)}.Boundary");
        (await grain.Exists()).Should().BeFalse();
        (await grain.Get()).Should().BeNull();
        model.Territory.Should().BeSameAs(CityTerritory.Empty);
    }

    [Fact]
    public async Task A_valid_document_is_stored_and_made_live_with_understaffed_grids_flagged()
    {
        var model = CityModel.CreateDefault();
        await using var silo = await StartAsync(model);
        var grain = silo.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key);
        var replaced = 0;
        model.TerritoryReplaced += _ => replaced++;

        var result = await grain.Replace(Small().WithGrid(3, grid => grid with { Households = 420 }));

        result.Applied.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.Understaffed.Should().ContainSingle().Which.Should().Be(new UnderstaffedGrid(TestCity.Grid4, "第4网格", 420, 5, 2));
        result.Grids.Should().Be(4);
        replaced.Should().Be(1);
        model.Territory.FindGrid(TestCity.Grid4)!.Households.Should().Be(420);
        model.Route(TestCity.Grid2, "暴露垃圾", out _)!.Post!.PrimaryWorkerId.Should().Be("w2a");
        (await grain.Get())!.Districts[0].Name.Should().Be("东城区");
        (await grain.Restore()).Should().BeTrue();
        replaced.Should().Be(1, "restoring what is already live swaps nothing");
    }

    [Fact]
    public async Task After_a_restart_on_sqlite_the_host_restores_the_city()
    {
        using var data = new TempDirectory("territory");
        var first = CityModel.CreateDefault();
        await using (var silo = await StartAsync(first, data.Path))
        {
            var result = await silo.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Replace(Small());
            result.Applied.Should().BeTrue();
        }

        var second = CityModel.CreateDefault();
        await using var restarted = await StartAsync(second, data.Path);
        second.Territory.Index.Grids.Should().BeEmpty("nothing is restored before the host asks");

        (await restarted.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Restore()).Should().BeTrue();

        second.Territory.CityName.Should().Be("测试市");
        second.Territory.Index.Grids.Select(grid => grid.Code.Value).Should().Equal(TestCity.Grids);
        second.Territory.Locator.Locate(new(116.405, 39.915))!.Code.Value.Should().Be(TestCity.Grid1);
    }

    [Fact]
    public async Task Restore_without_an_import_says_so_and_keeps_the_configured_territory()
    {
        var model = TestCity.Model();
        var configured = model.Territory;
        await using var silo = await StartAsync(model);

        (await silo.GrainFactory.GetGrain<ITerritoryGrain>(ITerritoryGrain.Key).Restore()).Should().BeFalse();

        model.Territory.Should().BeSameAs(configured);
    }

    private static Task<TestSilo> StartAsync(CityModel model, string? sqliteDirectory = null) =>
        TestSilo.StartAsync(GrainsAssembly.Assembly, options =>
        {
            options.Time = new ManualTimeProvider(Start);
            options.ConfigureServices = services => TestCity.AddCityServices(services, model);
            if (sqliteDirectory is not null)
            {
                options.ConfigureRuntimeBuilder = builder => builder.AddSqliteStorage(o => o.DataDirectory = sqliteDirectory);
            }
        });
}
