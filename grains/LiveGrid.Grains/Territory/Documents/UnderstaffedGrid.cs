namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A grid below the staffing rule (每100户居民配备1名工作人员) in an import: a warning, not a problem.</summary>
public sealed record UnderstaffedGrid(string GridCode, string GridName, int Households, int RequiredWorkers, int Workers)
{
    public int Shortfall => RequiredWorkers - Workers;
}
