using System.Text.RegularExpressions;

namespace LiveGrid.Silo.Evidence;

/// <summary>Evidence blobs are named by their content: lowercase sha256 hex and the format's extension.</summary>
public static partial class EvidenceNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    public static EvidenceFormat FormatOf(string name) => name[(name.LastIndexOf('.') + 1)..] switch
    {
        "jpg" => EvidenceFormat.Jpeg,
        "png" => EvidenceFormat.Png,
        _ => EvidenceFormat.WebP,
    };

    /// <summary>Where the thumbnail of <paramref name="name"/> at <paramref name="size"/> is kept, in the same container.</summary>
    public static string Thumbnail(string name, int size) =>
        $"thumbs/{name[..name.LastIndexOf('.')]}-{size}.{(FormatOf(name) == EvidenceFormat.Jpeg ? "jpg" : "png")}";

    [GeneratedRegex("^[0-9a-f]{64}\\.(jpg|png|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
