using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// Where a hotline ticket (12345 热线工单) is in its life: the domain brief's main line
/// Received → Classified → Dispatched → Accepted → OnSite → Resolved → CalledBack → Closed, and its side paths.
/// Which action leads where is <see cref="TicketLifecycle.Rules"/>. <see cref="Closed"/> and <see cref="Merged"/> are terminal.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    /// <summary>受理: taken in by a hotline operator, not yet classified.</summary>
    Received,

    /// <summary>Category, priority and request kind are known: ready for dispatch (派单).</summary>
    Classified,

    /// <summary>派单: sent to a unit, which has not signed for it yet. The clock runs from here.</summary>
    Dispatched,

    /// <summary>签收: the unit has signed for it.</summary>
    Accepted,

    /// <summary>到场: the handler is on site.</summary>
    OnSite,

    /// <summary>办结: the unit reports it resolved.</summary>
    Resolved,

    /// <summary>回访: the citizen has been called back and has rated the handling.</summary>
    CalledBack,

    /// <summary>结案: closed. Terminal.</summary>
    Closed,

    /// <summary>退单: the unit sent it back as not theirs; it waits for the dispatcher to re-dispatch (改派).</summary>
    Returned,

    /// <summary>停止计时: the clock stands still (waiting on the citizen or a third party); resuming returns to the status it left.</summary>
    Suspended,

    /// <summary>合并: closed as a duplicate of another ticket. Terminal.</summary>
    Merged,
}
