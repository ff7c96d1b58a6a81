namespace LiveGrid.Silo.Evidence;

/// <summary>What the headers of an accepted image say: its format and size in pixels.</summary>
public sealed record EvidenceImage(EvidenceFormat Format, int Width, int Height)
{
    public string ContentType => ContentTypeOf(Format);

    public string Extension => ExtensionOf(Format);

    public static string ContentTypeOf(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Jpeg => "image/jpeg",
        EvidenceFormat.Png => "image/png",
        _ => "image/webp",
    };

    public static string ExtensionOf(EvidenceFormat format) => format switch
    {
        EvidenceFormat.Jpeg => "jpg",
        EvidenceFormat.Png => "png",
        _ => "webp",
    };
}
