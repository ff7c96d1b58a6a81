namespace LiveGrid.Grains.Territory;

/// <summary>A 街道/镇.</summary>
public sealed record Street : TerritoryNode
{
    public Street(StreetCode code, string name)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Name = RequireName(name, code);
    }

    public override StreetCode Code { get; }

    public override string Name { get; }
}
