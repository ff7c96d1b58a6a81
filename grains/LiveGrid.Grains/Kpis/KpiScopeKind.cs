namespace LiveGrid.Grains.Kpis;

/// <summary>What a <see cref="KpiScope"/> selects tickets by.</summary>
public enum KpiScopeKind
{
    /// <summary>Every ticket of the city (also those that could not be located in a grid).</summary>
    City,

    /// <summary>Tickets whose grid code starts with a territory code: a district, street, community or one grid.</summary>
    Area,

    /// <summary>Tickets whose lead unit (牵头办) is this unit now.</summary>
    Unit,

    /// <summary>Tickets with this grid worker now.</summary>
    Worker,
}
