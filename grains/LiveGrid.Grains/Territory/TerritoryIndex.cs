namespace LiveGrid.Grains.Territory;

/// <summary>
/// The territory tree in memory: every district, street, community and grid by code, and each node's children in code
/// order. Built once from a complete list (every node's parent must be in it), then read-only and safe to share.
/// </summary>
public sealed class TerritoryIndex
{
    private readonly Dictionary<TerritoryCode, TerritoryNode> nodes = [];
    private readonly Dictionary<TerritoryCode, List<TerritoryNode>> children = [];

    /// <exception cref="ArgumentException">A code appears twice, or a node's parent is missing.</exception>
    public TerritoryIndex(IEnumerable<TerritoryNode> territory)
    {
        ArgumentNullException.ThrowIfNull(territory);
        foreach (var node in territory)
        {
            if (!nodes.TryAdd(node.Code, node))
            {
                throw new ArgumentException($"{node.Level} {node.Code} appears twice ({nodes[node.Code].Name}, {node.Name}).", nameof(territory));
            }
        }

        var districts = new List<District>();
        foreach (var node in nodes.Values)
        {
            if (node.Code.Parent is not { } parent)
            {
                districts.Add((District)node);
                continue;
            }

            if (!nodes.ContainsKey(parent))
            {
                throw new ArgumentException(
                    $"{node.Level} {node.Code} ({node.Name}) is under {parent.Level.ToString().ToLowerInvariant()} {parent}, which is not in the list.",
                    nameof(territory));
            }

            (children.TryGetValue(parent, out var siblings) ? siblings : children[parent] = []).Add(node);
        }

        foreach (var siblings in children.Values)
        {
            siblings.Sort((left, right) => left.Code.CompareTo(right.Code));
        }

        Districts = [.. districts.OrderBy(district => district.Code)];
        Grids = [.. nodes.Values.OfType<Grid>().OrderBy(grid => grid.Code)];
    }

    public IReadOnlyList<District> Districts { get; }

    /// <summary>All grids in code order.</summary>
    public IReadOnlyList<Grid> Grids { get; }

    public TerritoryNode? Find(TerritoryCode code) => nodes.GetValueOrDefault(code);

    public District? Find(DistrictCode code) => (District?)Find((TerritoryCode)code);

    public Street? Find(StreetCode code) => (Street?)Find((TerritoryCode)code);

    public Community? Find(CommunityCode code) => (Community?)Find((TerritoryCode)code);

    public Grid? Find(GridCode code) => (Grid?)Find((TerritoryCode)code);

    /// <summary>The nodes one level below <paramref name="code"/>, in code order; empty for a grid or an unknown code.</summary>
    public IReadOnlyList<TerritoryNode> Children(TerritoryCode code) =>
        children.TryGetValue(code, out var list) ? list : [];

    /// <summary>Grids staffed below <paramref name="rule"/> (default: one worker per 100 households), in code order.</summary>
    public IReadOnlyList<StaffingShortfall> Understaffed(StaffingRule? rule = null)
    {
        rule ??= StaffingRule.Default;
        return [.. Grids.Select(rule.Check).OfType<StaffingShortfall>()];
    }
}
