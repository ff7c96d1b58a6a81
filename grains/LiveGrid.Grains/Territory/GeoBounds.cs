namespace LiveGrid.Grains.Territory;

/// <summary>An axis-aligned box in degrees: the cheap test before the exact polygon test.</summary>
public readonly record struct GeoBounds(double MinLongitude, double MinLatitude, double MaxLongitude, double MaxLatitude)
{
    public double Width => MaxLongitude - MinLongitude;

    public double Height => MaxLatitude - MinLatitude;

    public static GeoBounds Of(IEnumerable<GeoPoint> points)
    {
        var (minX, minY, maxX, maxY) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
        foreach (var p in points)
        {
            (minX, minY) = (Math.Min(minX, p.Longitude), Math.Min(minY, p.Latitude));
            (maxX, maxY) = (Math.Max(maxX, p.Longitude), Math.Max(maxY, p.Latitude));
        }

        return minX > maxX ? throw new ArgumentException("No points.", nameof(points)) : new GeoBounds(minX, minY, maxX, maxY);
    }

    /// <summary>True if the point is in the box grown by <paramref name="margin"/> degrees on every side.</summary>
    public bool Contains(GeoPoint point, double margin = 0) =>
        point.Longitude >= MinLongitude - margin && point.Longitude <= MaxLongitude + margin &&
        point.Latitude >= MinLatitude - margin && point.Latitude <= MaxLatitude + margin;

    public GeoBounds Union(GeoBounds other) => new(
        Math.Min(MinLongitude, other.MinLongitude),
        Math.Min(MinLatitude, other.MinLatitude),
        Math.Max(MaxLongitude, other.MaxLongitude),
        Math.Max(MaxLatitude, other.MaxLatitude));
}
