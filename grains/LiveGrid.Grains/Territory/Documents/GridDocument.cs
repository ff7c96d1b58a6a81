namespace LiveGrid.Grains.Territory.Documents;

/// <summary>
/// A 网格 in a territory document: 15-digit code, name, the attributes load is divided by, its boundary and its staff.
/// </summary>
public sealed record GridDocument
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public CompoundKind Compound { get; init; } = CompoundKind.Scattered;

    /// <summary>户数.</summary>
    public int Households { get; init; }

    /// <summary>常住人口.</summary>
    public int ResidentPopulation { get; init; }

    /// <summary>流动人口.</summary>
    public int FloatingPopulation { get; init; }

    /// <summary>Surveyed area in m².</summary>
    public double AreaSquareMeters { get; init; }

    /// <summary>The boundary ring as [longitude, latitude] pairs (GeoJSON order), open or closed; at least 3 distinct points.</summary>
    public required IReadOnlyList<IReadOnlyList<double>> Boundary { get; init; }

    public required StaffDocument Staff { get; init; }
}
