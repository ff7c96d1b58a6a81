using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The kinds of <see cref="TicketAction"/>, one per action record: the columns of <see cref="TicketLifecycle.Rules"/>
/// and the names the audit trail uses.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketActionKind>))]
public enum TicketActionKind
{
    /// <summary>受理: intake; only starts a ticket (<see cref="Ticket.Create"/>), never applies to an existing one.</summary>
    Receive,

    /// <summary>分类: set category, priority and request kind.</summary>
    Classify,

    /// <summary>派单: send to a unit (and co-handling helpers).</summary>
    Dispatch,

    /// <summary>签收.</summary>
    Accept,

    /// <summary>到场.</summary>
    ArriveOnSite,

    /// <summary>办结.</summary>
    Resolve,

    /// <summary>回访 with the citizen's rating (评价).</summary>
    CallBack,

    /// <summary>结案.</summary>
    Close,

    /// <summary>退单: the unit says it is not theirs.</summary>
    Return,

    /// <summary>改派: the dispatcher sends a returned ticket to a unit again.</summary>
    Redispatch,

    /// <summary>转办: hand the ticket on to another unit.</summary>
    Transfer,

    /// <summary>延期申请: the handler asks for more time.</summary>
    RequestExtension,

    /// <summary>延期审批: the dispatcher approves or refuses the pending request.</summary>
    DecideExtension,

    /// <summary>停止计时.</summary>
    Suspend,

    /// <summary>恢复计时.</summary>
    Resume,

    /// <summary>重办/返工: back to the unit after an unsatisfied callback or a failed verification.</summary>
    Rework,

    /// <summary>核查: a verification patrol of a resolved ticket.</summary>
    Verify,

    /// <summary>合并: close this ticket as a duplicate of an open original.</summary>
    MergeInto,

    /// <summary>On the original: record a duplicate that was merged into it.</summary>
    AddDuplicate,

    /// <summary>督办: supervision; recorded, does not change the status.</summary>
    Supervise,

    /// <summary>
    /// 查看来电人: someone saw the caller's name and phone unmasked (domain §8). Recorded by the ticket grain itself,
    /// not a lifecycle action: allowed in every status, closed and merged too, and never changes the status.
    /// </summary>
    RevealCaller,

    /// <summary>上传现场照片: an evidence photo was attached; recorded, does not change the status.</summary>
    AttachEvidence,
}
