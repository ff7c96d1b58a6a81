using LiveGrid.Silo.Tests.Support;
using LiveGrid.Testing;

namespace LiveGrid.Silo.Tests.Scenario;

/// <summary>"A week in one street" (<see cref="WeekInOneStreet"/>) on each durable store the host runs on.</summary>
public sealed class WeekInOneStreetTests
{
    [Fact]
    public async Task A_week_in_one_street_on_SQLite()
    {
        using var data = new TempDirectory();
        await using var silo = await ApiSilo.StartAsync(start: WeekInOneStreet.Start, settings: new Dictionary<string, string?>
        {
            ["LiveGrid:Storage:Provider"] = "Sqlite",
            ["LiveGrid:Storage:Sqlite:DataDirectory"] = data.Path,
        });

        await new WeekInOneStreet(silo).RunAsync();
    }

    [Fact]
    public async Task A_week_in_one_street_on_Redis()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = redis.NewKeyPrefix("week");
        try
        {
            await using var silo = await ApiSilo.StartAsync(start: WeekInOneStreet.Start, settings: new Dictionary<string, string?>
            {
                ["LiveGrid:Storage:Provider"] = "Redis",
                ["LiveGrid:Storage:Redis:ConnectionString"] = redis.ConnectionString,
                ["LiveGrid:Storage:Redis:KeyPrefix"] = prefix,
            });

            await new WeekInOneStreet(silo).RunAsync();
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }
}
