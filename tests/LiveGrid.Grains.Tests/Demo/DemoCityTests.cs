using LiveGrid.Grains.City;
using LiveGrid.Grains.Demo;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Territory.Documents;

namespace LiveGrid.Grains.Tests.Demo;

public sealed class DemoCityTests
{
    private static readonly DemoCity City = DemoCity.Generate(7);

    [Fact]
    public void The_same_seed_gives_the_same_city_and_another_seed_another()
    {
        var again = TerritoryJson.Write(DemoCity.Generate(7).Document);

        again.Should().Be(TerritoryJson.Write(City.Document));
        TerritoryJson.Write(DemoCity.Generate(8).Document).Should().NotBe(again);
    }

    [Fact]
    public void It_is_a_valid_dongcheng_with_6_streets_40_communities_400_grids_and_about_500_workers()
    {
        var (result, territory) = TerritoryImporter.Check(City.Document, DefaultCategories.All);

        result.Problems.Should().BeEmpty();
        territory.Should().NotBeNull();
        result.Should().BeEquivalentTo(new { Districts = 1, Streets = 6, Communities = 40, Grids = 400, Workers = 500 });
        territory!.Index.Districts.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "东城区" });
        territory.Index.Districts[0].Code.Value.Should().Be("110101");
        City.GridCodes.Should().HaveCount(400).And.OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_dozen_grids_are_understaffed()
    {
        var (result, _) = TerritoryImporter.Check(City.Document);

        result.Understaffed.Should().HaveCount(DemoCity.UnderstaffedGrids);
        result.Understaffed.Should().OnlyContain(grid => grid.Households > 100 && grid.Workers == 1);
    }

    [Fact]
    public void Workers_have_chinese_names_and_distinct_mobile_numbers()
    {
        var workers = City.Document.Workers;

        workers.Select(w => w.Phone).Should().OnlyHaveUniqueItems().And.OnlyContain(phone => phone!.Length == 11 && phone[0] == '1');
        workers.Should().OnlyContain(w => w.Name.Length >= 2 && w.Name.Length <= 3 && w.Name.All(c => c >= '\u4E00' && c <= '\u9FFF'));
    }

    [Fact]
    public void The_grids_tile_the_area_without_overlap()
    {
        var territory = TerritoryDocumentMapper.ToCityTerritory(City.Document);
        var grids = territory.Index.Grids;
        var random = new Random(1);
        var extent = grids.Select(g => g.Boundary.Bounds).Aggregate((a, b) => a.Union(b));

        extent.MinLongitude.Should().BeApproximately(116.365, 1e-9);
        extent.MaxLatitude.Should().BeApproximately(39.937, 1e-9);
        for (var i = 0; i < 2000; i++)
        {
            var point = new GeoPoint(
                extent.MinLongitude + (random.NextDouble() * extent.Width),
                extent.MinLatitude + (random.NextDouble() * extent.Height));
            grids.Count(grid => grid.Boundary.Contains(point)).Should().Be(1, "{0} is inside the district's rectangle", point);
        }
    }

    [Fact]
    public void Ticket_places_lie_in_their_grid_and_addresses_read_like_dongcheng()
    {
        var territory = TerritoryDocumentMapper.ToCityTerritory(City.Document);
        var random = new Random(3);
        foreach (var code in City.GridCodes.Where((_, i) => i % 37 == 0))
        {
            territory.Locator.Locate(City.PointIn(code, random))!.Code.Value.Should().Be(code);
            City.Address(code, random).Should().StartWith("东城区").And.MatchRegex("(胡同[0-9]+号|[0-9]+号楼[0-9]单元|街[0-9]+号|路[0-9]+号)$");
        }
    }

    [Fact]
    public void Exported_as_csv_the_demo_city_reads_back_the_same()
    {
        var files = TerritoryCsv.Export(City.Document);

        var read = TerritoryCsv.Import(City.Document.CityName, files.Grids, files.Workers, files.Departments);

        read.Problems.Should().BeEmpty();
        TerritoryJson.Write(read.Document!).Should().Be(TerritoryJson.Write(City.Document));
    }
}
