using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Tickets.Privacy;
using LiveGrid.Runtime;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// One hotline ticket (12345 热线工单), keyed by its number ("20261122-000001"). Holds the ticket, its SLA clocks and
/// their reminders, and its graduated supervision; every change is durable before the call returns, then published
/// as events and reported to its grid and its worker.
/// </summary>
public interface ITicketGrain : IGrainWithStringKey
{
    /// <summary>受理: creates the ticket (classified too when the intake says what it is). Fails if the number is taken.</summary>
    Task<TicketCommandResult> Receive(TicketIntake intake);

    /// <summary>
    /// Applies one action. <paramref name="expectedVersion"/> (the audit-trail length the caller saw), when given,
    /// must match or the result is a <see cref="TicketCommandResult.VersionConflict"/> and nothing changes.
    /// Dispatch and redispatch with an empty unit id use the routing table.
    /// </summary>
    Task<TicketCommandResult> Execute(TicketAction action, int? expectedVersion = null);

    /// <summary>
    /// For trusted callers only (the demo history, a migration; never the HTTP API): receives <paramref name="intake"/>
    /// and applies <paramref name="actions"/> in order, all dated in the past, as one durable change. Time-driven steps
    /// (aging, supervision) are evaluated once, at now, after the last action. If any action is refused nothing is
    /// stored and the result is that refusal.
    /// </summary>
    Task<TicketCommandResult> ReceiveHistory(TicketIntake intake, IReadOnlyList<TicketAction> actions);

    /// <summary>
    /// Records an evidence photo (its blob is stored already). Allowed in every non-terminal status and never changes
    /// the status; the same blob at the same stage is recorded once. Durable before it returns.
    /// </summary>
    Task<EvidenceAttachResult> AttachEvidence(EvidencePhoto photo);

    /// <summary>
    /// Shows the caller unmasked to <paramref name="by"/> and appends a <see cref="TicketActionKind.RevealCaller"/> entry
    /// (who, when, <paramref name="reason"/>) to the audit trail, durable before it returns. The caller may ask for
    /// it in every status; the status never changes. Whether <paramref name="by"/> may see it is the API's decision.
    /// </summary>
    Task<CallerRevealResult> RevealCaller(TicketActor by, string reason);

    /// <summary>The ticket now, or null if it does not exist. Its caller is masked (<see cref="CallerMask"/>).</summary>
    Task<TicketView?> Get();

    /// <summary>The summary now, or null if it does not exist.</summary>
    Task<TicketSummary?> GetSummary();

    /// <summary>The audit trail, oldest first (empty if the ticket does not exist).</summary>
    Task<IReadOnlyList<TicketTransition>> GetAuditTrail();
}
