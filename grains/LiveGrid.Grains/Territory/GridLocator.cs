namespace LiveGrid.Grains.Territory;

/// <summary>
/// Finds the grid a point (an incident, a caller's location) falls in. A uniform grid of buckets over all boundaries
/// holds, per bucket, the grids whose bounding box touches it; a lookup tests only that bucket's few candidates, so a
/// city of tens of thousands of grids costs a handful of polygon tests per point.
/// </summary>
/// <remarks>
/// A point on the line between two grids is inside both (see <see cref="Polygon.Contains"/>); the grid with the lower
/// code wins, so the answer is the same on every silo.
/// </remarks>
public sealed class GridLocator
{
    private readonly Grid[] grids;
    private readonly int[][] buckets;
    private readonly GeoBounds extent;
    private readonly int columns;
    private readonly int rows;
    private readonly double bucketWidth;
    private readonly double bucketHeight;

    public GridLocator(IEnumerable<Grid> grids)
    {
        ArgumentNullException.ThrowIfNull(grids);
        this.grids = [.. grids.OrderBy(grid => grid.Code)];
        if (this.grids.Length == 0)
        {
            buckets = [];
            return;
        }

        extent = this.grids.Select(grid => grid.Boundary.Bounds).Aggregate((all, next) => all.Union(next));

        // About one bucket per grid, shaped like the extent, so a bucket is about one grid's size.
        var n = this.grids.Length;
        var aspect = extent.Height > 0 ? extent.Width / extent.Height : n;
        columns = Math.Clamp((int)Math.Round(Math.Sqrt(n * aspect)), 1, n);
        rows = Math.Clamp((int)Math.Ceiling((double)n / columns), 1, n);
        bucketWidth = extent.Width > 0 ? extent.Width / columns : 1;
        bucketHeight = extent.Height > 0 ? extent.Height / rows : 1;

        var lists = new List<int>?[columns * rows];
        for (var i = 0; i < this.grids.Length; i++)
        {
            // Grown by the edge tolerance: a point that counts as on this grid's edge must find it in its bucket.
            var box = this.grids[i].Boundary.Bounds;
            var (c0, r0) = BucketOf(box.MinLongitude - Polygon.EdgeTolerance, box.MinLatitude - Polygon.EdgeTolerance);
            var (c1, r1) = BucketOf(box.MaxLongitude + Polygon.EdgeTolerance, box.MaxLatitude + Polygon.EdgeTolerance);
            for (var r = r0; r <= r1; r++)
            {
                for (var c = c0; c <= c1; c++)
                {
                    (lists[(r * columns) + c] ??= []).Add(i); // i ascends, so each bucket stays in code order
                }
            }
        }

        buckets = [.. lists.Select(list => list?.ToArray() ?? [])];
    }

    public int Count => grids.Length;

    /// <summary>The grid containing <paramref name="point"/>, or null if it is outside every grid.</summary>
    public Grid? Locate(GeoPoint point)
    {
        if (grids.Length == 0 || !extent.Contains(point, Polygon.EdgeTolerance))
        {
            return null;
        }

        var (column, row) = BucketOf(point.Longitude, point.Latitude);
        foreach (var index in buckets[(row * columns) + column])
        {
            var grid = grids[index];
            if (grid.Boundary.Contains(point))
            {
                return grid;
            }
        }

        return null;
    }

    private (int Column, int Row) BucketOf(double longitude, double latitude) => (
        Math.Clamp((int)Math.Floor((longitude - extent.MinLongitude) / bucketWidth), 0, columns - 1),
        Math.Clamp((int)Math.Floor((latitude - extent.MinLatitude) / bucketHeight), 0, rows - 1));
}
