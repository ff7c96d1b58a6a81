namespace LiveGrid.Grains.Territory;

/// <summary>A 社区/村.</summary>
public sealed record Community : TerritoryNode
{
    public Community(CommunityCode code, string name)
    {
        ArgumentNullException.ThrowIfNull(code);
        Code = code;
        Name = RequireName(name, code);
    }

    public override CommunityCode Code { get; }

    public override string Name { get; }
}
