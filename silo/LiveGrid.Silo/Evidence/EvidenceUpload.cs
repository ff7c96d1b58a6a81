using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Evidence;

/// <summary>A multipart upload as read: the form fields and the file's bytes (at most the configured limit).</summary>
public sealed record EvidenceUpload(EvidenceStage Stage, TicketActor Actor, byte[] Content);
