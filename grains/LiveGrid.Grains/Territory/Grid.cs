namespace LiveGrid.Grains.Territory;

/// <summary>A 网格: the smallest unit of the territory, with what divides load between grids and who works it.</summary>
public sealed record Grid : TerritoryNode
{
    public Grid(
        GridCode code,
        string name,
        CompoundKind compound,
        int households,
        int residentPopulation,
        int floatingPopulation,
        double areaSquareMeters,
        Polygon boundary,
        GridStaff staff)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(boundary);
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        ArgumentOutOfRangeException.ThrowIfNegative(residentPopulation);
        ArgumentOutOfRangeException.ThrowIfNegative(floatingPopulation);
        if (!double.IsFinite(areaSquareMeters) || areaSquareMeters < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(areaSquareMeters), areaSquareMeters, "Area must be a finite, non-negative number of m².");
        }

        if (!Enum.IsDefined(compound))
        {
            throw new ArgumentOutOfRangeException(nameof(compound), compound, null);
        }

        Code = code;
        Name = RequireName(name, code);
        Compound = compound;
        Households = households;
        ResidentPopulation = residentPopulation;
        FloatingPopulation = floatingPopulation;
        AreaSquareMeters = areaSquareMeters;
        Boundary = boundary;
        Staff = staff;
    }

    public override GridCode Code { get; }

    public override string Name { get; }

    public CompoundKind Compound { get; }

    /// <summary>户数: the base of the staffing rule.</summary>
    public int Households { get; }

    /// <summary>常住人口.</summary>
    public int ResidentPopulation { get; }

    /// <summary>流动人口.</summary>
    public int FloatingPopulation { get; }

    /// <summary>The official area in m² (as surveyed; not recomputed from <see cref="Boundary"/>).</summary>
    public double AreaSquareMeters { get; }

    public Polygon Boundary { get; }

    public GridStaff Staff { get; }
}
