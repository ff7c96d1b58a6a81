namespace LiveGrid.Grains.Territory;

/// <summary>A place in the territory tree, with its code and its Chinese name (e.g. 朝阳区, 建外街道).</summary>
public abstract record TerritoryNode
{
    public abstract TerritoryCode Code { get; }

    public abstract string Name { get; }

    public TerritoryLevel Level => Code.Level;

    private protected static string RequireName(string name, TerritoryCode code) =>
        string.IsNullOrWhiteSpace(name)
            ? throw new ArgumentException($"{code.Level} {code} needs a name.", nameof(name))
            : name.Trim();
}
