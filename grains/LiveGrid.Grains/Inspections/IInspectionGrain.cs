using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// One inspection. Patrols are keyed "{gridCode}-{yyyyMMdd}-{shift index}", verifications "verify-{ticketId}-{n}".
/// A reminder at the window's end marks a patrol still not completed as missed, which is escalated like an overdue
/// ticket. Calls tickets (findings, verification outcomes), its grid and its worker; nothing calls back into it.
/// </summary>
public interface IInspectionGrain : IGrainWithStringKey
{
    /// <summary>Creates the inspection; scheduling the same plan again is a no-op, a different plan is refused.</summary>
    Task<InspectionResult> Schedule(InspectionPlan plan);

    /// <summary>Check-in at the grid: the patrol starts. Only inside the window.</summary>
    Task<InspectionResult> CheckIn(TicketActor actor, DateTimeOffset at, double? longitude = null, double? latitude = null);

    Task<InspectionResult> PassCheckpoint(TicketActor actor, DateTimeOffset at, string checkpoint, string? note = null);

    /// <summary>A finding becomes a ticket in the grid (source 巡查), resolved on the spot when the finding says so (即办).</summary>
    Task<InspectionResult> ReportFinding(TicketActor actor, DateTimeOffset at, PatrolFinding finding);

    /// <summary>
    /// Completes the inspection. For a verification, <paramref name="passed"/> is required: pass closes the ticket
    /// (核查结案), fail (with a note) sends it to rework.
    /// </summary>
    Task<InspectionResult> Complete(TicketActor actor, DateTimeOffset at, string? note = null, bool? passed = null);

    /// <summary>
    /// Records a patrol evidence photo (its blob is stored already) while the inspection is open (Scheduled or Started);
    /// the history shows it and the status does not change. The same blob at the same stage is recorded once.
    /// </summary>
    Task<EvidenceAttachResult> AttachEvidence(EvidencePhoto photo);

    Task<InspectionView?> Get();
}
