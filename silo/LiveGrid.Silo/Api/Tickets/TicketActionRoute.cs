using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>One action route: POST /api/tickets/{id}/{Segment} performs <see cref="Kind"/>.</summary>
public sealed record TicketActionRoute(string Segment, TicketActionKind Kind, string Summary)
{
    /// <summary>Every action a client may perform; AddDuplicate and Receive are LiveGrid's own, AttachEvidence comes with a photo (POST /api/tickets/{id}/photos).</summary>
    public static IReadOnlyList<TicketActionRoute> All { get; } =
    [
        new("classify", TicketActionKind.Classify, "分类: set category, priority and request kind"),
        new("dispatch", TicketActionKind.Dispatch, "派单: send to a unit (no unitId: the routing table decides)"),
        new("redispatch", TicketActionKind.Redispatch, "改派: send a returned ticket again"),
        new("accept", TicketActionKind.Accept, "签收: the unit signs for it"),
        new("arrive", TicketActionKind.ArriveOnSite, "到场: the handler is on site"),
        new("resolve", TicketActionKind.Resolve, "办结: resolved, with a note and the level"),
        new("callback", TicketActionKind.CallBack, "回访: the citizen's rating"),
        new("close", TicketActionKind.Close, "结案"),
        new("return", TicketActionKind.Return, "退单: not this unit's, within the return window"),
        new("transfer", TicketActionKind.Transfer, "转办: to another lead unit"),
        new("extension-request", TicketActionKind.RequestExtension, "延期申请"),
        new("extension-decision", TicketActionKind.DecideExtension, "延期审批"),
        new("suspend", TicketActionKind.Suspend, "停止计时"),
        new("resume", TicketActionKind.Resume, "恢复计时"),
        new("rework", TicketActionKind.Rework, "重办/返工"),
        new("verify", TicketActionKind.Verify, "核查 outcome"),
        new("merge", TicketActionKind.MergeInto, "合并: close as a duplicate of an open original"),
        new("supervise", TicketActionKind.Supervise, "督办"),
    ];
}
