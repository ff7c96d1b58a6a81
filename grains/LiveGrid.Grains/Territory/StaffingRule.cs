namespace LiveGrid.Grains.Territory;

/// <summary>
/// The staffing ratio a grid is held to. The default is the plan's "每100户居民配备1名工作人员": one worker per 100
/// households, rounded up, so 101 households need two.
/// </summary>
public sealed record StaffingRule
{
    public static StaffingRule Default { get; } = new(100);

    public StaffingRule(int householdsPerWorker)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(householdsPerWorker);
        HouseholdsPerWorker = householdsPerWorker;
    }

    public int HouseholdsPerWorker { get; }

    public int RequiredWorkers(int households)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(households);
        return (int)(((long)households + HouseholdsPerWorker - 1) / HouseholdsPerWorker);
    }

    /// <summary>The grid's shortfall, or null if it is staffed to the rule.</summary>
    public StaffingShortfall? Check(Grid grid)
    {
        var required = RequiredWorkers(grid.Households);
        var workers = grid.Staff.WorkerCount;
        return workers < required ? new StaffingShortfall(grid.Code, grid.Households, required, workers) : null;
    }
}
