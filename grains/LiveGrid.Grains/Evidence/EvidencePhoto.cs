using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Evidence;

/// <summary>
/// One evidence photo attached to a ticket or an inspection. The photo itself is a blob in the "evidence" container,
/// named by its content (sha256 hex + extension), so <see cref="BlobName"/> is all a reader needs to fetch it.
/// <see cref="At"/> is set by the grain when it records the photo.
/// </summary>
public sealed record EvidencePhoto(
    string BlobName,
    EvidenceStage Stage,
    string ContentType,
    int Width,
    int Height,
    long Bytes,
    TicketActor UploadedBy,
    DateTimeOffset At);
