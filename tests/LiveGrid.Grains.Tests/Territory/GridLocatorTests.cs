using LiveGrid.Grains.Territory;
using static LiveGrid.Grains.Tests.Territory.TerritoryFixtures;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class GridLocatorTests
{
    private const double West = 116.3;
    private const double South = 39.8;
    private const double Side = 0.001; // about 110 m north-south, 85 m east-west at Beijing's latitude

    /// <summary>
    /// 100 x 100 square grids numbered west to east, north to south, as the scheme numbers them: row r (from the north)
    /// is community r + 1 and column c is grid c + 1 in it.
    /// </summary>
    private static readonly Grid[] City = [.. Enumerable.Range(0, 100).SelectMany(row => Enumerable.Range(0, 100).Select(column =>
        Grid(CodeAt(row, column), boundary: Square(West + (column * Side), South + ((99 - row) * Side), Side))))];

    private static readonly GridLocator Locator = new(City);

    private static string CodeAt(int row, int column) => $"110105001{row + 1:D3}{column + 1:D3}";

    [Fact]
    public void Every_cell_centre_maps_to_its_own_grid()
    {
        Locator.Count.Should().Be(10_000);
        var misplaced = new List<string>();
        for (var row = 0; row < 100; row++)
        {
            for (var column = 0; column < 100; column++)
            {
                var centre = P(West + ((column + 0.5) * Side), South + ((99 - row + 0.5) * Side));
                var found = Locator.Locate(centre)?.Code.Value;
                if (found != CodeAt(row, column))
                {
                    misplaced.Add($"({row}, {column}) -> {found ?? "none"}");
                }
            }
        }

        misplaced.Should().BeEmpty();
    }

    [Fact]
    public void Points_outside_every_grid_find_nothing()
    {
        Locator.Locate(P(West - 0.0005, South + 0.05)).Should().BeNull(); // west of the city
        Locator.Locate(P(West + 0.05, South + (100 * Side) + 0.0001)).Should().BeNull(); // just north of it
        Locator.Locate(P(0, 0)).Should().BeNull();
        new GridLocator([]).Locate(P(West, South)).Should().BeNull();
    }

    [Fact]
    public void A_point_on_a_shared_edge_goes_to_the_lower_code()
    {
        // The line between columns 4 and 5 of the top row: grids 110105001001005 and 110105001001006.
        var onEdge = P(West + (5 * Side), South + (99.5 * Side));

        Locator.Locate(onEdge)!.Code.Value.Should().Be("110105001001005");
    }

    [Fact]
    public void A_gap_between_grids_finds_nothing()
    {
        var apart = new GridLocator(
        [
            Grid("110105001001001", boundary: Square(116.0, 40.0, 0.01)),
            Grid("110105001001002", boundary: Square(116.02, 40.0, 0.01)),
        ]);

        apart.Locate(P(116.005, 40.005))!.Code.Value.Should().Be("110105001001001");
        apart.Locate(P(116.025, 40.005))!.Code.Value.Should().Be("110105001001002");
        apart.Locate(P(116.015, 40.005)).Should().BeNull();
    }

    [Fact]
    public void Concave_grids_are_tested_exactly_not_by_their_boxes()
    {
        // An L whose bounding box covers a small square grid sitting in the L's cut-away corner.
        var locator = new GridLocator(
        [
            Grid("110105001001001", boundary: new Polygon([P(116, 40), P(116.02, 40), P(116.02, 40.01), P(116.01, 40.01), P(116.01, 40.02), P(116, 40.02)])),
            Grid("110105001001002", boundary: Square(116.01, 40.01, 0.01)),
        ]);

        locator.Locate(P(116.015, 40.015))!.Code.Value.Should().Be("110105001001002");
        locator.Locate(P(116.005, 40.015))!.Code.Value.Should().Be("110105001001001");
    }
}
