using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Territory;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>
/// A small city for grain tests: district 110101 (东城区), street 110101001 (东华门街道), communities …001 (多福巷社区)
/// and …002 (銮庆胡同社区), two grids each, laid out as 0.01° squares west to east:
/// grid 110101001001001 at (116.40, 39.91), …001002 at (116.41, 39.91), …002001 at (116.42, 39.91), …002002 at (116.43, 39.91).
/// Grid n (1-4 in that order) has leader post "w{n}a" with backup "w{n}b" and member post "w{n}c" with backup "w{n}a".
/// Departments are <see cref="DefaultCategories.Departments"/>.
/// </summary>
public static class TestCity
{
    public const string District = "110101";
    public const string Street = "110101001";
    public const string Community1 = "110101001001";
    public const string Community2 = "110101001002";
    public const string Grid1 = "110101001001001";
    public const string Grid2 = "110101001001002";
    public const string Grid3 = "110101001002001";
    public const string Grid4 = "110101001002002";

    public static IReadOnlyList<string> Grids { get; } = [Grid1, Grid2, Grid3, Grid4];

    /// <summary>The centre of grid <paramref name="index"/> (1-4).</summary>
    public static (double Longitude, double Latitude) Centre(int index) => (116.40 + (0.01 * (index - 1)) + 0.005, 39.915);

    public static CityTerritory Territory()
    {
        var nodes = new List<TerritoryNode>
        {
            new District(DistrictCode.Parse(District), "东城区"),
            new Street(StreetCode.Parse(Street), "东华门街道"),
            new Community(CommunityCode.Parse(Community1), "多福巷社区"),
            new Community(CommunityCode.Parse(Community2), "銮庆胡同社区"),
        };
        var workers = new List<WorkerProfile>();
        for (var n = 1; n <= 4; n++)
        {
            var code = Grids[n - 1];
            var west = 116.40 + (0.01 * (n - 1));
            var square = new Polygon([new(west, 39.91), new(west + 0.01, 39.91), new(west + 0.01, 39.92), new(west, 39.92)]);
            var staff = new GridStaff(new StaffPost($"w{n}a", $"w{n}b"), [new StaffPost($"w{n}c", $"w{n}a")]);
            nodes.Add(new Grid(GridCode.Parse(code), $"第{n}网格", CompoundKind.PropertyManaged, 180, 520, 60, 1_000_000, square, staff));
            workers.Add(new WorkerProfile($"w{n}a", $"张{n}", $"1380000{n:000}1", code));
            workers.Add(new WorkerProfile($"w{n}b", $"李{n}", $"1380000{n:000}2", code));
            workers.Add(new WorkerProfile($"w{n}c", $"王{n}", $"1380000{n:000}3", code));
        }

        return new CityTerritory("测试市", nodes, workers, DefaultCategories.Departments);
    }

    /// <summary>The default calendar (China 2026), SLA table and policies over <see cref="Territory"/>.</summary>
    public static CityModel Model() => CityModel.CreateDefault(Territory());

    /// <summary>Registers what LiveGrid's grains need: the city model, the event stream and the ticket catalog.</summary>
    public static void AddCityServices(IServiceCollection services, CityModel? model = null)
    {
        services.AddSingleton(model ?? Model());
        services.AddSingleton<DomainEventStream>();
        services.AddSingleton<IDomainEventStream>(sp => sp.GetRequiredService<DomainEventStream>());
        services.AddSingleton<TicketCatalog>();
        services.AddSingleton<ITicketCatalog>(sp => sp.GetRequiredService<TicketCatalog>());
    }

    /// <summary>A test silo hosting LiveGrid's grains over <see cref="Territory"/>, its clock at <paramref name="start"/>.</summary>
    public static Task<TestSilo> StartSiloAsync(DateTimeOffset start, Action<TestSiloOptions>? configure = null) =>
        TestSilo.StartAsync(GrainsAssembly.Assembly, options =>
        {
            options.Time = new ManualTimeProvider(start);
            options.ConfigureServices = services => AddCityServices(services);
            options.ConfigureRuntime = runtime =>
            {
                foreach (var resolver in GrainsAssembly.StateTypeInfoResolvers)
                {
                    runtime.StateTypeInfoResolvers.Add(resolver);
                }
            };
            configure?.Invoke(options);
        });
}
