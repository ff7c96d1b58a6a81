using LiveGrid.Grains.Evidence;

namespace LiveGrid.Silo.Evidence;

/// <summary>The photo as recorded, where to fetch it and its thumbnail, and whether it was recorded before.</summary>
public sealed record EvidenceUploadResponse(EvidencePhoto Photo, string Url, string ThumbnailUrl, bool AlreadyAttached);
