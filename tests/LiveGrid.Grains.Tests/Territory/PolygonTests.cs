using LiveGrid.Grains.Territory;
using static LiveGrid.Grains.Tests.Territory.TerritoryFixtures;

namespace LiveGrid.Grains.Tests.Territory;

public sealed class PolygonTests
{
    // A convex quadrilateral (a kite) and an L: the 2x2 square at the origin-ish corner with its north-east quarter cut
    // away. Coordinates are small offsets from Beijing so the numbers stay readable.
    private static readonly Polygon Kite = new([P(116, 40), P(118, 41), P(116, 44), P(114, 41)]);

    private static readonly Polygon L = new([P(116, 40), P(118, 40), P(118, 41), P(117, 41), P(117, 42), P(116, 42)]);

    [Theory]
    [InlineData(116, 41, true)] // the middle
    [InlineData(117.5, 41.1, true)] // right of the centre line, under the upper-right edge (y = 41 + 1.5 * 0.5 = 41.75)
    [InlineData(117.5, 42, false)] // above that edge
    [InlineData(114.1, 40.1, false)] // south-west, inside the bounding box but outside the kite
    [InlineData(116, 43.9, true)] // just under the top vertex
    [InlineData(119, 41, false)] // outside the bounding box
    public void Convex(double longitude, double latitude, bool inside)
    {
        Kite.Contains(P(longitude, latitude)).Should().Be(inside);
    }

    [Theory]
    [InlineData(116.5, 40.5, true)] // the corner square of the L
    [InlineData(117.5, 40.5, true)] // the foot
    [InlineData(116.5, 41.5, true)] // the upright
    [InlineData(117.5, 41.5, false)] // the cut-away quarter: inside the bounding box, outside the L
    [InlineData(117.9, 41.9, false)]
    [InlineData(115.9, 41, false)] // west of the L, the ray crosses the whole shape (two edges)
    public void Concave(double longitude, double latitude, bool inside)
    {
        L.Contains(P(longitude, latitude)).Should().Be(inside);
    }

    [Theory]
    [InlineData(117, 40)] // on the south edge
    [InlineData(117.5, 41)] // on the top of the foot, the inner horizontal edge
    [InlineData(117, 41.5)] // on the inner vertical edge
    [InlineData(117, 41)] // the reflex (inner) vertex
    [InlineData(116, 40)] // a convex vertex
    [InlineData(118, 40.5)] // the east edge, where a ray to the east leaves at once
    [InlineData(116, 42)] // the north-west vertex
    public void Points_on_an_edge_or_vertex_count_as_inside(double longitude, double latitude)
    {
        L.Contains(P(longitude, latitude)).Should().BeTrue();
    }

    [Fact]
    public void A_point_on_a_slanted_edge_counts_as_inside_and_one_just_off_it_does_not()
    {
        // The kite's north-east edge runs from (118, 41) to (116, 44): its midpoint is (117, 42.5).
        Kite.Contains(P(117, 42.5)).Should().BeTrue();
        Kite.Contains(P(117.0001, 42.5)).Should().BeFalse();
    }

    [Fact]
    public void A_ray_through_a_vertex_is_counted_once()
    {
        // The ray east from (114.5, 41) passes exactly through the kite's east vertex (118, 41).
        Kite.Contains(P(114.5, 41)).Should().BeTrue();
        // The ray east from (113, 41) passes through both side vertices; the point is outside.
        Kite.Contains(P(113, 41)).Should().BeFalse();
    }

    [Fact]
    public void A_closed_ring_drops_its_repeated_point_and_too_few_points_are_refused()
    {
        var closed = new Polygon([P(0, 0), P(1, 0), P(1, 1), P(0, 0)]);
        closed.Vertices.Should().HaveCount(3);
        closed.Bounds.Should().Be(new GeoBounds(0, 0, 1, 1));

        var degenerate = () => new Polygon([P(0, 0), P(1, 1), P(0, 0), P(1, 1)]);
        degenerate.Should().Throw<ArgumentException>().WithMessage("A polygon needs at least 3 distinct points.*");
    }

    [Fact]
    public void Coordinates_outside_wgs84_ranges_are_refused()
    {
        var longitude = () => new GeoPoint(181, 40);
        var latitude = () => new GeoPoint(116, double.NaN);

        longitude.Should().Throw<ArgumentOutOfRangeException>();
        latitude.Should().Throw<ArgumentOutOfRangeException>();
    }
}
