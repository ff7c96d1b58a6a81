namespace LiveGrid.Silo.Evidence;

/// <summary>Limits on evidence photos, from LiveGrid:Evidence.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "LiveGrid:Evidence";

    /// <summary>The blob container the photos and their thumbnails are stored in.</summary>
    public const string Container = "evidence";

    /// <summary>The largest photo accepted, in bytes (10 MB). Enforced while the upload is read.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxWidth { get; set; } = 8000;

    public int MaxHeight { get; set; } = 8000;

    /// <summary>Neither side may be smaller: a photo this small shows nothing.</summary>
    public int MinDimension { get; set; } = 16;

    /// <summary>The largest thumbnail side a client may ask for.</summary>
    public int MaxThumbnailSize { get; set; } = 1024;
}
