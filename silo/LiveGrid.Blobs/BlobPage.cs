namespace LiveGrid.Blobs;

/// <summary>One page of a listing. <paramref name="ContinuationToken"/> is null on the last page.</summary>
public sealed record BlobPage(IReadOnlyList<BlobProperties> Items, string? ContinuationToken)
{
    public const int DefaultSize = 100;

    /// <summary>The most a provider returns in one page (Azure's own limit).</summary>
    public const int MaxSize = 5000;
}
