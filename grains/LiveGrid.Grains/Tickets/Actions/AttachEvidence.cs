using LiveGrid.Grains.Evidence;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// 上传现场照片: an evidence photo was attached to the ticket. Recorded in the audit trail so the trail shows who
/// brought which photo when; the status does not change. Only the ticket grain's AttachEvidence records it, after
/// the photo is stored and kept with the ticket (a caller cannot execute it on its own).
/// </summary>
public sealed record AttachEvidence(TicketActor Actor, DateTimeOffset At, string BlobName, EvidenceStage Stage) : TicketAction(Actor, At)
{
    private protected override TicketActionKind KindCore => TicketActionKind.AttachEvidence;

    internal override string? AuditDetail(Ticket before) => $"{Stage} {BlobName}";

    internal override string? Problem(Ticket ticket) =>
        ActionChecks.Required(BlobName, "the photo's blob name") ?? ActionChecks.Defined(Stage, "the photo's stage");

    internal override Ticket ApplyTo(Ticket ticket, DateTimeOffset at) => ticket;
}
