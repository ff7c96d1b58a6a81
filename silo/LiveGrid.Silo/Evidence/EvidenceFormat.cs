namespace LiveGrid.Silo.Evidence;

/// <summary>The image formats accepted as evidence, recognized by their content only.</summary>
public enum EvidenceFormat
{
    Jpeg,

    Png,

    WebP,
}
