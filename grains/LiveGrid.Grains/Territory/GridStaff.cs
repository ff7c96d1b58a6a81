namespace LiveGrid.Grains.Territory;

/// <summary>Who works a grid: the leader (网格长) and the members (网格员), each post with its AB backup.</summary>
public sealed record GridStaff
{
    public GridStaff(StaffPost leader, IEnumerable<StaffPost>? members = null)
    {
        ArgumentNullException.ThrowIfNull(leader);
        Leader = leader;
        Members = members?.ToArray() ?? [];
    }

    public StaffPost Leader { get; }

    public IReadOnlyList<StaffPost> Members { get; }

    /// <summary>
    /// How many people hold the grid's posts: distinct primary workers, leader included. Backups do not count: B only
    /// stands in while A is off, so they add no capacity (and usually hold a post of their own elsewhere).
    /// </summary>
    public int WorkerCount =>
        Members.Select(post => post.PrimaryWorkerId).Append(Leader.PrimaryWorkerId).Distinct(StringComparer.Ordinal).Count();
}
