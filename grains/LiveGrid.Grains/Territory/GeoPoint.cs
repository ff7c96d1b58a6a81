namespace LiveGrid.Grains.Territory;

/// <summary>A WGS84 position in degrees, longitude first (x, y), as GeoJSON orders it.</summary>
public readonly record struct GeoPoint
{
    public GeoPoint(double longitude, double latitude)
    {
        if (!double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be within [-180, 180] degrees.");
        }

        if (!double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be within [-90, 90] degrees.");
        }

        Longitude = longitude;
        Latitude = latitude;
    }

    public double Longitude { get; }

    public double Latitude { get; }

    public override string ToString() => FormattableString.Invariant($"({Longitude}, {Latitude})");
}
