using System.Text;
using static LiveGrid.Grains.Tickets.TicketGuards;
using static LiveGrid.Grains.Tickets.TicketStatus;
using static LiveGrid.Grains.Tickets.TransitionTarget;
using Act = LiveGrid.Grains.Tickets.TicketActionKind;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// The hotline ticket's lifecycle as one table: the executable rule and its documentation (domain brief §3).
/// An action is allowed in a status only if a row says so and its guard holds; everything else is rejected.
/// </summary>
public static class TicketLifecycle
{
    /// <summary>
    /// Every legal (status, action) pair. Decisions beyond the brief's words:
    /// <list type="bullet">
    /// <item>Dispatch needs a classification first: the category and priority pick the deadline.</item>
    /// <item>Reclassifying is allowed until dispatch, and again while returned (a wrong category is a common reason to return).</item>
    /// <item>A unit may return a ticket while Dispatched or Accepted, within the window; once on site it is theirs or a transfer.</item>
    /// <item>Resolve from Accepted too: an inquiry answered by phone has no on-site visit.</item>
    /// <item>Close from Resolved without callback is allowed (the callback rate, 回访率, measures how often that happens);
    /// closing over an Unsatisfied rating needs a note saying why it does not go to rework.</item>
    /// <item>A failed verification keeps the ticket Resolved and the only way on is Rework (source FailedVerification), by the dispatcher.</item>
    /// <item>Suspension and extension decisions wait: while Suspended only Resume, supervision and duplicates apply.</item>
    /// <item>Supervision (督办), recording a merged duplicate and attaching an evidence photo apply in every open status and never change it.</item>
    /// </list>
    /// </summary>
    public static IReadOnlyList<TransitionRule> Rules { get; } =
    [
        //  from         action                  next status           guard
        new(Received,    Act.Classify,           To(Classified)),
        new(Received,    Act.MergeInto,          To(Merged)),
        new(Received,    Act.AddDuplicate,       Stays),
        new(Received,    Act.Supervise,          Stays),
        new(Received,    Act.AttachEvidence,     Stays),

        new(Classified,  Act.Classify,           Stays),
        new(Classified,  Act.Dispatch,           To(Dispatched)),
        new(Classified,  Act.MergeInto,          To(Merged)),
        new(Classified,  Act.AddDuplicate,       Stays),
        new(Classified,  Act.Supervise,          Stays),
        new(Classified,  Act.AttachEvidence,     Stays),

        new(Dispatched,  Act.Accept,             To(Accepted)),
        new(Dispatched,  Act.Return,             To(Returned),         WithinReturnWindow),
        new(Dispatched,  Act.Transfer,           To(Dispatched)),
        new(Dispatched,  Act.Suspend,            To(Suspended)),
        new(Dispatched,  Act.AddDuplicate,       Stays),
        new(Dispatched,  Act.Supervise,          Stays),
        new(Dispatched,  Act.AttachEvidence,     Stays),

        new(Accepted,    Act.ArriveOnSite,       To(OnSite)),
        new(Accepted,    Act.Resolve,            To(Resolved)),
        new(Accepted,    Act.Return,             To(Returned),         WithinReturnWindow),
        new(Accepted,    Act.Transfer,           To(Dispatched)),
        new(Accepted,    Act.RequestExtension,   Stays,                NoExtensionPending),
        new(Accepted,    Act.DecideExtension,    Stays,                ExtensionPending),
        new(Accepted,    Act.Suspend,            To(Suspended)),
        new(Accepted,    Act.AddDuplicate,       Stays),
        new(Accepted,    Act.Supervise,          Stays),
        new(Accepted,    Act.AttachEvidence,     Stays),

        new(OnSite,      Act.Resolve,            To(Resolved)),
        new(OnSite,      Act.Transfer,           To(Dispatched)),
        new(OnSite,      Act.RequestExtension,   Stays,                NoExtensionPending),
        new(OnSite,      Act.DecideExtension,    Stays,                ExtensionPending),
        new(OnSite,      Act.Suspend,            To(Suspended)),
        new(OnSite,      Act.AddDuplicate,       Stays),
        new(OnSite,      Act.Supervise,          Stays),
        new(OnSite,      Act.AttachEvidence,     Stays),

        new(Resolved,    Act.CallBack,           To(CalledBack),       VerificationNotFailed),
        new(Resolved,    Act.Verify,             ClosedIfVerified,     VerificationNotFailed),
        new(Resolved,    Act.Close,              To(Closed),           VerificationNotFailed),
        new(Resolved,    Act.Rework,             To(Dispatched),       VerificationFailed),
        new(Resolved,    Act.AddDuplicate,       Stays),
        new(Resolved,    Act.Supervise,          Stays),
        new(Resolved,    Act.AttachEvidence,     Stays),

        new(CalledBack,  Act.Close,              To(Closed)),
        new(CalledBack,  Act.Rework,             To(Dispatched),       RatedUnsatisfied),
        new(CalledBack,  Act.AddDuplicate,       Stays),
        new(CalledBack,  Act.Supervise,          Stays),
        new(CalledBack,  Act.AttachEvidence,     Stays),

        new(Returned,    Act.Classify,           Stays),
        new(Returned,    Act.Redispatch,         To(Dispatched)),
        new(Returned,    Act.AddDuplicate,       Stays),
        new(Returned,    Act.Supervise,          Stays),
        new(Returned,    Act.AttachEvidence,     Stays),

        new(Suspended,   Act.Resume,             SuspendedFrom),
        new(Suspended,   Act.AddDuplicate,       Stays),
        new(Suspended,   Act.Supervise,          Stays),
        new(Suspended,   Act.AttachEvidence,     Stays),

        // Closed and Merged: no rows, so nothing is allowed.
    ];

    private static readonly Dictionary<(TicketStatus, TicketActionKind), TransitionRule> RuleIndex = Index(Rules);

    // The statuses with at least one row: asked for every summary's IsOpen, so a set, not a scan of the table.
    private static readonly HashSet<TicketStatus> StatusesWithRows = [.. Rules.Select(rule => rule.From)];

    /// <summary>The row for this pair, or null when the action is not allowed in that status.</summary>
    public static TransitionRule? Find(TicketStatus status, TicketActionKind action) =>
        RuleIndex.GetValueOrDefault((status, action));

    /// <summary>A status is terminal when the table allows nothing in it.</summary>
    public static bool IsTerminal(TicketStatus status) => !StatusesWithRows.Contains(status);

    /// <summary>The actions whose row exists for the ticket's status and whose guard holds now, in enum order.</summary>
    public static IReadOnlyList<TicketActionKind> AllowedActions(Ticket ticket, TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            .. Rules
                .Where(rule => rule.From == ticket.Status && rule.Guard?.Unmet(ticket, context) is null)
                .Select(rule => rule.Action)
                .Order(),
        ];
    }

    /// <summary>The table as Markdown, for documentation and for people who prefer reading it to the code.</summary>
    public static string ToMarkdown()
    {
        var text = new StringBuilder()
            .AppendLine("| from | action | next status | guard |")
            .AppendLine("|---|---|---|---|");
        foreach (var rule in Rules)
        {
            text.AppendLine($"| {rule.From} | {rule.Action} | {rule.Target.Description} | {rule.Guard?.Description ?? ""} |");
        }

        return text.ToString();
    }

    internal static TicketResult Apply(Ticket ticket, TicketAction action, TicketContext context)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(context);
        var kind = action.ActionKind;

        if (Find(ticket.Status, kind) is not { } rule)
        {
            return Reject(ticket, kind, context, TicketRejectionReason.NotAllowedInStatus, IsTerminal(ticket.Status)
                ? $"{kind} is not allowed on ticket {ticket.Id}: it is {ticket.Status}, which is final."
                : $"{kind} is not allowed on ticket {ticket.Id} in status {ticket.Status}.");
        }

        if (rule.Guard?.Unmet(ticket, context) is { } unmet)
        {
            return Reject(ticket, kind, context, TicketRejectionReason.GuardNotMet,
                $"{kind} is not allowed on ticket {ticket.Id} in status {ticket.Status} now: {unmet}.");
        }

        if (action.At < ticket.LastChangedAt)
        {
            return Reject(ticket, kind, context, TicketRejectionReason.TimeWentBackwards,
                $"{kind} on ticket {ticket.Id} is dated {action.At.ToUniversalTime():O}, before its last change at {ticket.LastChangedAt:O}; time cannot go backwards.");
        }

        if ((ActorProblem(action.Actor) ?? action.Problem(ticket)) is { } problem)
        {
            return Reject(ticket, kind, context, TicketRejectionReason.InvalidAction,
                $"{kind} on ticket {ticket.Id} in status {ticket.Status} is invalid: {problem}.");
        }

        var at = action.At.ToUniversalTime();
        var next = rule.Target.Next(ticket, action);
        var transition = action.WithOutcome(new TicketTransition(
            ticket.History.Count + 1, at, action.Actor, ticket.Status, next, kind, action.AuditNote, action.AuditDetail(ticket)));
        var changed = action.ApplyTo(ticket, at) with { Status = next, History = [.. ticket.History, transition] };
        return TicketResult.Applied(changed, transition);
    }

    /// <summary>Why the actor cannot act (actions may come from JSON, where anything can be missing); null when fine.</summary>
    internal static string? ActorProblem(TicketActor? actor) =>
        actor is null
            ? "the actor is required"
            : ActionChecks.Required(actor.Id, "the actor's id") ?? ActionChecks.Defined(actor.Role, "the actor's role");

    private static TicketResult Reject(Ticket ticket, TicketActionKind kind, TicketContext context, TicketRejectionReason reason, string message)
    {
        var allowed = AllowedActions(ticket, context);
        var now = allowed.Count == 0 ? " No action is allowed now." : $" Allowed now: {string.Join(", ", allowed)}.";
        return TicketResult.Rejected(ticket, new TicketRejection(ticket.Id, ticket.Status, kind, reason, message + now, allowed));
    }

    private static Dictionary<(TicketStatus, TicketActionKind), TransitionRule> Index(IReadOnlyList<TransitionRule> rules)
    {
        var index = new Dictionary<(TicketStatus, TicketActionKind), TransitionRule>();
        foreach (var rule in rules)
        {
            if (!index.TryAdd((rule.From, rule.Action), rule))
            {
                throw new InvalidOperationException($"The ticket lifecycle table has two rows for {rule.Action} in {rule.From}.");
            }
        }

        return index;
    }
}
