namespace LiveGrid.Grains.Territory;

/// <summary>
/// A grid's boundary: one simple ring of WGS84 points, open or closed (a repeated first point is dropped).
/// </summary>
/// <remarks>
/// Longitude and latitude are treated as plane coordinates. A grid is a few hundred metres across, where the error of
/// that is far below survey accuracy; no Chinese territory crosses the antimeridian.
/// </remarks>
public sealed class Polygon
{
    /// <summary>
    /// How close to an edge, in degrees (about 0.1 mm), a point must be to count as on it. Coordinates are doubles, so a
    /// point "on" a shared boundary rarely satisfies an exact test; this keeps the promise that edges are inside.
    /// </summary>
    public const double EdgeTolerance = 1e-9;

    private readonly GeoPoint[] vertices;

    public Polygon(IEnumerable<GeoPoint> ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        var points = ring.ToList();
        if (points.Count > 1 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Distinct().Count() < 3)
        {
            throw new ArgumentException("A polygon needs at least 3 distinct points.", nameof(ring));
        }

        vertices = [.. points];
        Bounds = GeoBounds.Of(vertices);
    }

    /// <summary>The ring without the closing point.</summary>
    public IReadOnlyList<GeoPoint> Vertices => vertices;

    public GeoBounds Bounds { get; }

    /// <summary>
    /// Ray casting (even-odd), with points on an edge or vertex (within <see cref="EdgeTolerance"/>) counted as inside, so
    /// a point on the line between two grids belongs to both and never to neither.
    /// </summary>
    public bool Contains(GeoPoint point)
    {
        if (!Bounds.Contains(point, EdgeTolerance))
        {
            return false;
        }

        var (x, y) = (point.Longitude, point.Latitude);
        var inside = false;
        for (int i = 0, j = vertices.Length - 1; i < vertices.Length; j = i++)
        {
            var (a, b) = (vertices[j], vertices[i]);
            if (IsOnSegment(x, y, a, b))
            {
                return true;
            }

            // Half-open in y, so a ray through a vertex counts the two edges meeting there once between them.
            if ((a.Latitude > y) != (b.Latitude > y))
            {
                var crossX = a.Longitude + ((y - a.Latitude) * (b.Longitude - a.Longitude) / (b.Latitude - a.Latitude));
                if (x < crossX)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    private static bool IsOnSegment(double x, double y, GeoPoint a, GeoPoint b)
    {
        var (dx, dy) = (b.Longitude - a.Longitude, b.Latitude - a.Latitude);
        var lengthSquared = (dx * dx) + (dy * dy);
        var t = lengthSquared == 0 ? 0 : Math.Clamp((((x - a.Longitude) * dx) + ((y - a.Latitude) * dy)) / lengthSquared, 0, 1);
        var (nearX, nearY) = (a.Longitude + (t * dx), a.Latitude + (t * dy));
        var (ex, ey) = (x - nearX, y - nearY);
        return (ex * ex) + (ey * ey) <= EdgeTolerance * EdgeTolerance;
    }
}
