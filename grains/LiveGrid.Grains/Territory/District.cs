namespace LiveGrid.Grains.Territory;

/// <summary>A 区.</summary>
public sealed record District : TerritoryNode
{
    public District(DistrictCode code, string name)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Name = RequireName(name, code);
    }

    public override DistrictCode Code { get; }

    public override string Name { get; }
}
