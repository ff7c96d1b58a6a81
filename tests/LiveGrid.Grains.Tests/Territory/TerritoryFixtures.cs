using LiveGrid.Grains.Territory;

namespace LiveGrid.Grains.Tests.Territory;

/// <summary>Small builders for territory tests: square boundaries and grids with just the fields a test cares about.</summary>
internal static class TerritoryFixtures
{
    public static GeoPoint P(double longitude, double latitude) => new(longitude, latitude);

    /// <summary>The square with its south-west corner at (west, south).</summary>
    public static Polygon Square(double west, double south, double side) =>
        new([P(west, south), P(west + side, south), P(west + side, south + side), P(west, south + side)]);

    public static Grid Grid(
        string code,
        int households = 0,
        GridStaff? staff = null,
        Polygon? boundary = null,
        string? name = null) =>
        new(
            GridCode.Parse(code),
            name ?? $"网格{code[^3..]}",
            CompoundKind.PropertyManaged,
            households,
            residentPopulation: households * 3,
            floatingPopulation: households / 2,
            areaSquareMeters: 10_000,
            boundary ?? Square(116.4, 39.9, 0.001),
            staff ?? Staff(1));

    /// <summary>A leader plus <paramref name="workers"/> - 1 members, each with a backup from outside the grid.</summary>
    public static GridStaff Staff(int workers) =>
        new(
            new StaffPost("w1", "b1"),
            Enumerable.Range(2, workers - 1).Select(i => new StaffPost($"w{i}", $"b{i}")));
}
