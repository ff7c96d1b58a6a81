namespace LiveGrid.Grains.Territory;

/// <summary>A grid staffed below its <see cref="StaffingRule"/>, and by how many workers.</summary>
public sealed record StaffingShortfall(GridCode Grid, int Households, int RequiredWorkers, int Workers)
{
    public int Shortfall => RequiredWorkers - Workers;
}
