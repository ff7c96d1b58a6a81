using System.Net;
using LiveGrid.Silo.Configuration;
using LiveGrid.Silo.Hosting;
using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Silo.Tests.Api;

/// <summary>What the host does at start: the demo city on a fresh store, the territory and catalog after a restart, bad city settings refused.</summary>
public sealed class HostStartupTests
{
    [Fact]
    public async Task A_fresh_store_gets_the_demo_city_and_a_restart_restores_its_territory_and_catalog_without_loading_it_again()
    {
        using var data = new TempDirectory("api-startup");
        var settings = new Dictionary<string, string?>(InProcessSilo.Sqlite(data.Path))
        {
            ["LiveGrid:Startup:LoadDemoCityWhenEmpty"] = "true",
        };

        string territory;
        int total;
        string someTicket;
        await using (var first = await ApiSilo.StartAsync(withTerritory: false, settings))
        {
            // A fresh install serves at once and loads the demo city in the background.
            await first.App.Services.GetRequiredService<LiveGridStartup>().Completion.WaitAsync(Eventually.Timeout);
            territory = await first.Http.GetStringAsync("/api/territory");
            var list = await (await first.Http.GetAsync("/api/tickets?pageSize=1")).JsonAsync();
            total = list.GetProperty("total").GetInt32();
            total.Should().BePositive("the demo city comes with a week of tickets");
            someTicket = list.GetProperty("items")[0].GetProperty("id").GetString()!;
            (await (await first.Http.GetAsync("/api/boards/city")).JsonAsync()).GetProperty("children").GetArrayLength().Should().BePositive();
        }

        await using var second = await ApiSilo.StartAsync(withTerritory: false, settings);
        second.App.Services.GetRequiredService<LiveGridStartup>().Completion.IsCompleted.Should().BeTrue("with a stored territory the work is done before serving");
        (await second.Http.GetStringAsync("/api/territory")).Should().Be(territory);
        var reloaded = await (await second.Http.GetAsync("/api/tickets?pageSize=1")).JsonAsync();
        reloaded.GetProperty("total").GetInt32().Should().Be(total, "the catalog is rebuilt from the stored tickets, and the demo is not loaded twice");
        (await second.Http.GetAsync($"/api/tickets/{someTicket}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("LiveGrid:Policies:ReturnWindow", "2 fortnights")]
    [InlineData("LiveGrid:Policies:DuplicateDistanceMeters", "-5")]
    [InlineData("LiveGrid:Sla:Rules:0:Resolve", "5 fortnights")]
    [InlineData("LiveGrid:Sla:Rules:0:Priority", "Huge")]
    [InlineData("LiveGrid:Calendar:WorkingPeriods:0:Start", "18:00")]
    [InlineData("LiveGrid:Startup:CatalogDays", "-1")]
    public void Unusable_city_settings_stop_the_host_before_it_serves(string key, string value)
    {
        var build = () => InProcessSilo.Build(new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Memory",
            [key] = value,
        });

        build.Should().Throw<LiveGridConfigurationException>().Which.Message.Should().NotBeNullOrWhiteSpace();
    }
}
