using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A hotline ticket (12345 热线工单) as an immutable value. It changes only through <see cref="Apply"/>, which follows
/// <see cref="TicketLifecycle.Rules"/> and returns a new ticket with one more audit entry, or a rejection. The setters
/// are internal so that only the lifecycle (and JSON, for persistence) can write them.
/// </summary>
public sealed record Ticket
{
    [JsonConstructor]
    internal Ticket()
    {
    }

    [JsonInclude]
    public string Id { get; internal init; } = "";

    [JsonInclude]
    public TicketStatus Status { get; internal init; }

    /// <summary>Null until classified.</summary>
    [JsonInclude]
    public TicketClassification? Classification { get; internal init; }

    /// <summary>The units the ticket is with; null before dispatch and while returned to the dispatcher.</summary>
    [JsonInclude]
    public UnitAssignment? Assignment { get; internal init; }

    [JsonInclude]
    public TicketMilestones Milestones { get; internal init; } = new(default(DateTimeOffset));

    /// <summary>The current round's resolution (办结); cleared by rework.</summary>
    [JsonInclude]
    public TicketResolution? Resolution { get; internal init; }

    /// <summary>The current round's callback (回访); cleared by rework.</summary>
    [JsonInclude]
    public TicketCallback? Callback { get; internal init; }

    /// <summary>The current round's verification (核查); a failed one holds the ticket until rework clears it.</summary>
    [JsonInclude]
    public TicketVerification? Verification { get; internal init; }

    /// <summary>At most one request waits for the dispatcher; it lapses when the ticket leaves the unit's hands.</summary>
    [JsonInclude]
    public ExtensionRequest? PendingExtension { get; internal init; }

    [JsonInclude]
    public IReadOnlyList<ApprovedExtension> ApprovedExtensions { get; internal init; } = [];

    /// <summary>In order; only the last may be open, and then the ticket is Suspended.</summary>
    [JsonInclude]
    public IReadOnlyList<TicketSuspension> Suspensions { get; internal init; } = [];

    [JsonInclude]
    public IReadOnlyList<TicketReturn> Returns { get; internal init; } = [];

    [JsonInclude]
    public IReadOnlyList<TicketTransfer> Transfers { get; internal init; } = [];

    [JsonInclude]
    public IReadOnlyList<TicketRework> Reworks { get; internal init; } = [];

    [JsonInclude]
    public IReadOnlyList<TicketSupervision> Supervisions { get; internal init; } = [];

    /// <summary>Set when this ticket was merged into an original (status Merged).</summary>
    [JsonInclude]
    public string? MergedIntoTicketId { get; internal init; }

    /// <summary>On an original: the duplicates merged into it.</summary>
    [JsonInclude]
    public IReadOnlyList<MergedDuplicate> Duplicates { get; internal init; } = [];

    /// <summary>The audit trail, oldest first; the first entry is the intake.</summary>
    [JsonInclude]
    public IReadOnlyList<TicketTransition> History { get; internal init; } = [];

    [JsonIgnore]
    public string? CurrentUnitId => Assignment?.LeadUnitId;

    [JsonIgnore]
    public IReadOnlyList<string> HelperUnitIds => Assignment?.HelperUnitIds ?? [];

    [JsonIgnore]
    public TicketSuspension? OpenSuspension => Suspensions is [.., { IsOpen: true } last] ? last : null;

    /// <summary>Where <see cref="TicketActionKind.Resume"/> will return; null unless Suspended.</summary>
    [JsonIgnore]
    public TicketStatus? SuspendedFrom => Status == TicketStatus.Suspended ? OpenSuspension?.From : null;

    [JsonIgnore]
    public CallbackRating? Rating => Callback?.Rating;

    [JsonIgnore]
    public ResolutionLevel? ResolvedAtLevel => Resolution?.Level;

    [JsonIgnore]
    public int ReturnCount => Returns.Count;

    [JsonIgnore]
    public int ReworkCount => Reworks.Count;

    [JsonIgnore]
    public bool IsTerminal => TicketLifecycle.IsTerminal(Status);

    /// <summary>When the last transition happened; no action may be dated earlier.</summary>
    [JsonIgnore]
    public DateTimeOffset LastChangedAt => History.Count > 0 ? History[^1].At : Milestones.ReceivedAt;

    /// <summary>Starts a ticket in <see cref="TicketStatus.Received"/>, with the intake as the first audit entry.</summary>
    public static Ticket Create(string id, Receive intake)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(intake);
        if (TicketLifecycle.ActorProblem(intake.Actor) is { } problem)
        {
            throw new ArgumentException($"Ticket {id.Trim()} cannot be received: {problem}.", nameof(intake));
        }

        var at = intake.At.ToUniversalTime();
        return new Ticket
        {
            Id = id.Trim(),
            Status = TicketStatus.Received,
            Milestones = new TicketMilestones(at),
            History = [new TicketTransition(1, at, intake.Actor, null, TicketStatus.Received, TicketActionKind.Receive, intake.AuditNote, null)],
        };
    }

    /// <summary>
    /// Applies an action: the new ticket and its audit entry, or a rejection (this ticket unchanged) saying why and
    /// what is allowed now.
    /// </summary>
    public TicketResult Apply(TicketAction action, TicketContext context) => TicketLifecycle.Apply(this, action, context);

    /// <summary>The actions the table and its guards allow now, in <see cref="TicketActionKind"/> order.</summary>
    public IReadOnlyList<TicketActionKind> AllowedActions(TicketContext context) => TicketLifecycle.AllowedActions(this, context);
}
