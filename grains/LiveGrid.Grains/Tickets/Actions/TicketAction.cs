using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Something a person (or LiveGrid) does to a ticket, at <see cref="At"/> (UTC; other offsets are converted).
/// The set is closed: the members a kind must provide are private to this assembly, so every action is one of the
/// sealed records listed below. Actions are requests: <see cref="Ticket.Apply"/> checks them against the lifecycle
/// table and the ticket, and rejects what is not allowed. The discriminators are stored, so never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(Receive), "receive")]
[JsonDerivedType(typeof(Classify), "classify")]
[JsonDerivedType(typeof(Dispatch), "dispatch")]
[JsonDerivedType(typeof(Accept), "accept")]
[JsonDerivedType(typeof(ArriveOnSite), "arriveOnSite")]
[JsonDerivedType(typeof(Resolve), "resolve")]
[JsonDerivedType(typeof(CallBack), "callBack")]
[JsonDerivedType(typeof(Close), "close")]
[JsonDerivedType(typeof(Return), "return")]
[JsonDerivedType(typeof(Redispatch), "redispatch")]
[JsonDerivedType(typeof(Transfer), "transfer")]
[JsonDerivedType(typeof(RequestExtension), "requestExtension")]
[JsonDerivedType(typeof(DecideExtension), "decideExtension")]
[JsonDerivedType(typeof(Suspend), "suspend")]
[JsonDerivedType(typeof(Resume), "resume")]
[JsonDerivedType(typeof(Rework), "rework")]
[JsonDerivedType(typeof(Verify), "verify")]
[JsonDerivedType(typeof(MergeInto), "mergeInto")]
[JsonDerivedType(typeof(AddDuplicate), "addDuplicate")]
[JsonDerivedType(typeof(Supervise), "supervise")]
[JsonDerivedType(typeof(AttachEvidence), "attachEvidence")]
public abstract record TicketAction(TicketActor Actor, DateTimeOffset At)
{
    /// <summary>Which column of the lifecycle table this action is.</summary>
    [JsonIgnore]
    public TicketActionKind ActionKind => KindCore;

    private protected abstract TicketActionKind KindCore { get; }

    /// <summary>The reason or note the audit trail keeps with the transition.</summary>
    internal virtual string? AuditNote => null;

    /// <summary>What else the audit should say (unit, rating, limit...), read from the ticket before the change.</summary>
    internal virtual string? AuditDetail(Ticket before) => null;

    /// <summary>The audit entry with the action's outcome as data (rating, level, decision, verdict); most actions have none.</summary>
    internal virtual TicketTransition WithOutcome(TicketTransition entry) => entry;

    /// <summary>Why the action's content is incomplete or contradicts the ticket; null when it is fine.</summary>
    internal virtual string? Problem(Ticket ticket) => null;

    /// <summary>The action's effect on the ticket's data; the lifecycle sets the status and appends the audit entry.</summary>
    internal abstract Ticket ApplyTo(Ticket ticket, DateTimeOffset at);
}
