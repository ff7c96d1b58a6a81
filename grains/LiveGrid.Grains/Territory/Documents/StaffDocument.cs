namespace LiveGrid.Grains.Territory.Documents;

/// <summary>The posts of a grid: the leader (网格长) and the members (网格员), each with its AB backup.</summary>
public sealed record StaffDocument
{
    public required PostDocument Leader { get; init; }

    public IReadOnlyList<PostDocument> Members { get; init; } = [];
}
