namespace LiveGrid.Grains.Territory.Documents;

/// <summary>One post (AB岗): the worker who holds it (A) and the backup who stands in while A is off (B, optional).</summary>
public sealed record PostDocument
{
    public required string Worker { get; init; }

    public string? Backup { get; init; }
}
