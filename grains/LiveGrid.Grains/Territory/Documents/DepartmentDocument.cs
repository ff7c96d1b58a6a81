namespace LiveGrid.Grains.Territory.Documents;

/// <summary>A district department (承办单位) that categories route to, e.g. "dept:cgzf" 区城管执法局.</summary>
public sealed record DepartmentDocument
{
    /// <summary>The unit id, starting with "dept:".</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }
}
