using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets.Privacy;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// One live hotline ticket: the pure <see cref="Ticket"/> state machine plus its SLA clocks, their threshold reminder,
/// graduated supervision of overdue work and the suspension alert.
/// <para>
/// Every change follows one order: the new state is written (durable), then its events are published on
/// "ticket/{id}", the catalog is updated and the grid and worker are told. Reports that fail stay in the state's
/// outbox and are retried by a timer and at the next change; the command has succeeded regardless.
/// </para>
/// <para>
/// Calls go one way only: ticket → grid, ticket → worker, and for a merge the duplicate → its original
/// (<see cref="AddDuplicate"/> through the outbox, after the duplicate's own change is durable). The original never
/// calls the duplicate back, so no cycle can deadlock two tickets.
/// </para>
/// <para>
/// Time-driven work runs on one durable one-shot reminder ("sla") armed at the next instant anything is due: the next
/// aging threshold, the next supervision step, or the suspension alert. It fires to the second after a restart too.
/// </para>
/// </summary>
public sealed class TicketGrain(
    [PersistentState("ticket")] IPersistentState<TicketGrainState> state,
    CityModel city,
    ITicketCatalog catalog,
    IDomainEventStream events)
    : Grain, ITicketGrain, IRemindable
{
    public const string ReminderName = "sla";

    /// <summary>How often undelivered reports are retried.</summary>
    public static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(30);

    /// <summary>How long after an action dated in the past the steps it left due are taken (see <see cref="Evaluate"/>).</summary>
    public static readonly TimeSpan CatchUpDelay = TimeSpan.FromMinutes(1);

    /// <summary>Who acts for time-driven steps (supervision) in the audit trail.</summary>
    public static readonly TicketActor SystemActor = new("livegrid", ActorRole.System, "LiveGrid");

    private const int TitleLength = 60;

    private IGrainTimer? _retry;
    private bool _outboxChanged;

    // The reminder as this activation armed it; unknown after activation, so the first change arms it regardless.
    private bool _reminderKnown;
    private DateTimeOffset? _reminderDue;

    private TicketGrainState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    private string Stream => DomainEvent.StreamOf("ticket", Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // After a restart the in-memory catalog may not know this ticket yet; it keeps the higher revision anyway.
        if (S.Ticket is not null)
        {
            catalog.Upsert(Summary());
            await EnsureReminderAsync();
        }

        if (S.Outbox.Count > 0)
        {
            EnsureRetryTimer(TimeSpan.Zero);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outboxChanged && S.Ticket is not null)
        {
            await state.WriteStateAsync(cancellationToken);
            _outboxChanged = false;
        }
    }

    public Task<TicketCommandResult> Receive(TicketIntake intake) => ReceiveCore(intake, batch: null);

    /// <summary>
    /// A dated history as one change: the actions are applied in order without time-driven steps in between (those
    /// would be dated now and stop the later, older actions), then the clocks are evaluated once at now and everything
    /// is written once. Any refusal leaves the ticket as if it had never been received.
    /// </summary>
    public async Task<TicketCommandResult> ReceiveHistory(TicketIntake intake, IReadOnlyList<TicketAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var change = new Change(Now(), Id);
        var result = await ReceiveCore(intake, change);
        for (var i = 0; result.Applied && i < actions.Count; i++)
        {
            result = await ExecuteCore(actions[i], expectedVersion: null, change);
        }

        if (!result.Applied)
        {
            if (S.Ticket is not null && !state.RecordExists)
            {
                state.State = new TicketGrainState();
            }

            return result;
        }

        Evaluate(change, stepsAsOf: change.Now);
        await CommitAsync(change, previousGrid: null, previousAssignee: null);
        return Applied(change.Now);
    }

    private async Task<TicketCommandResult> ReceiveCore(TicketIntake intake, Change? batch)
    {
        var now = Now();
        if (S.Ticket is { } existing)
        {
            var context = ContextAt(existing, now);
            var allowed = existing.AllowedActions(context);
            return Rejected(new TicketRejection(Id, existing.Status, TicketActionKind.Receive, TicketRejectionReason.NotAllowedInStatus,
                $"Ticket {Id} already exists (status {existing.Status}); a ticket number is received once.", allowed), now);
        }

        if (TicketIntakeCheck.Problem(intake, city, now) is { } problem)
        {
            return new TicketCommandResult
            {
                Applied = false,
                Rejection = new TicketRejection(Id, TicketStatus.Received, TicketActionKind.Receive, TicketRejectionReason.InvalidAction,
                    $"Ticket {Id} cannot be received: {problem}. Nothing was stored.", []),
            };
        }

        var at = (intake.At ?? now).ToUniversalTime();
        var ticket = Ticket.Create(Id, new Receive(intake.ReceivedBy, at));
        var change = batch ?? new Change(now, Id);
        change.Transition(ticket.History[^1]);

        if (intake is { Category: { } category, Priority: { } priority, Kind: { } kind })
        {
            var classified = ticket.Apply(new Classify(intake.ReceivedBy, at, category, priority, kind), ContextAt(ticket, at));
            if (!classified.IsApplied)
            {
                return new TicketCommandResult { Applied = false, Rejection = classified.Rejection with { Attempted = TicketActionKind.Receive } };
            }

            ticket = classified.Ticket;
            change.Transition(classified.Transition);
        }

        S.Ticket = ticket;
        S.Intake = intake;
        S.GridCode = Locate(intake);
        DetectDuplicates(change);
        if (batch is not null)
        {
            return new TicketCommandResult { Applied = true };
        }

        Evaluate(change, stepsAsOf: at);
        await CommitAsync(change, previousGrid: null, previousAssignee: null);
        return Applied(now);
    }

    public Task<TicketCommandResult> Execute(TicketAction action, int? expectedVersion = null) =>
        ExecuteCore(action, expectedVersion, batch: null);

    /// <summary>One action; with a <paramref name="batch"/> its effects join that change and nothing is evaluated or written yet.</summary>
    private async Task<TicketCommandResult> ExecuteCore(TicketAction action, int? expectedVersion, Change? batch)
    {
        ArgumentNullException.ThrowIfNull(action);
        var now = Now();
        if (S.Ticket is not { } ticket)
        {
            return new TicketCommandResult { Applied = false, NotFound = true };
        }

        if (expectedVersion is { } expected && expected != ticket.History.Count)
        {
            return new TicketCommandResult { Applied = false, VersionConflict = true, View = View(now) };
        }

        // Actions without a time happen now; trusted callers (the demo loader) may date them in the past, never ahead.
        if (action.At == default)
        {
            action = action with { At = now };
        }

        if (action.At > now)
        {
            return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction,
                $"{action.ActionKind} on ticket {Id} is dated {action.At.ToUniversalTime():O}, after now ({now:O})", now), now);
        }

        RouteDecision? route = null;
        switch (action)
        {
            case Dispatch { UnitId: var unit } dispatch when string.IsNullOrWhiteSpace(unit) && ticket.Status == TicketStatus.Classified:
                if (RouteFor(ticket, out var problem) is not { } decided)
                {
                    return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction, $"no unit given and routing failed: {problem}", now), now);
                }

                route = decided;
                action = dispatch with { UnitId = decided.Unit.Id, Note = dispatch.Note ?? decided.Why };
                break;

            case Redispatch { UnitId: var unit } redispatch when string.IsNullOrWhiteSpace(unit) && ticket.Status == TicketStatus.Returned:
                if (RouteFor(ticket, out var why) is not { } rerouted)
                {
                    return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction, $"no unit given and routing failed: {why}", now), now);
                }

                route = rerouted;
                action = redispatch with { UnitId = rerouted.Unit.Id, Note = redispatch.Note ?? rerouted.Why };
                break;

            case MergeInto merge when OriginalProblem(merge) is { } original && TicketLifecycle.Find(ticket.Status, TicketActionKind.MergeInto) is not null:
                return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction, original, now), now);

            case RequestExtension request when ExtensionCapProblem(ticket, request) is { } cap && ticket.Status is TicketStatus.Accepted or TicketStatus.OnSite:
                return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction, cap, now), now);

            // Only AttachEvidence(photo) records it, after keeping the photo: the trail never names a photo the ticket lacks.
            case AttachEvidence attach when !S.Evidence.Any(e => e.BlobName == attach.BlobName && e.Stage == attach.Stage):
                return Rejected(Refusal(ticket, action.ActionKind, TicketRejectionReason.InvalidAction,
                    "evidence is recorded by attaching the photo (POST /api/tickets/{id}/photos), not as an action on its own", now), now);
        }

        var result = ticket.Apply(action, ContextAt(ticket, action.At));
        if (!result.IsApplied)
        {
            return Rejected(result.Rejection, now);
        }

        var previousGrid = S.GridCode;
        var previousAssignee = S.AssigneeWorkerId;
        var change = batch ?? new Change(now, Id);
        change.Transition(result.Transition);
        S.Ticket = result.Ticket;

        var assignee = await ChooseAssigneeAsync(ticket, result.Ticket, route);
        S.AssigneeWorkerId = assignee;

        if (action is Supervise supervise)
        {
            // A command-center escalation goes one level up the territory (grid → community → street → district).
            if (supervise.Level == SupervisionLevel.Escalation && S.EscalatedTo > TerritoryLevel.District)
            {
                S.EscalatedTo--;
            }

            change.Supervised(supervise.Level, S.EscalatedTo, supervise.Note.Trim());
            NotifyAssignee(change, WorkerNotificationKind.Supervision, $"督办 {Id}: {supervise.Note.Trim()}");
        }

        if (action is Classify && S.SuspectedDuplicateOf is null)
        {
            DetectDuplicates(change);
        }

        if (action is MergeInto mergeInto)
        {
            change.Reports.Add(new PendingReport(PendingReportKind.OriginalTicket, mergeInto.OriginalTicketId.Trim(),
                // Undated: the original records it at its own now, so a delivery retried later is never "back in time".
                Action: new AddDuplicate(action.Actor, default, Id)));
        }

        // A history batch is evaluated once, at the end (ReceiveHistory).
        if (batch is null)
        {
            Evaluate(change, stepsAsOf: action.At.ToUniversalTime());
        }

        if (assignee != previousAssignee)
        {
            // First in the feed, before any warning the same change raised, and with the new clock's deadline.
            if (previousAssignee is not null)
            {
                change.Notify(previousAssignee, WorkerNotificationKind.Unassigned, $"工单 {Id} 已离开您: {result.Ticket.Status}", null, first: true);
            }

            if (assignee is not null)
            {
                change.Notify(assignee, WorkerNotificationKind.Assigned, $"新工单 {Id}: {Title()}", S.Deadline, first: true);
            }
        }

        if (batch is not null)
        {
            return new TicketCommandResult { Applied = true };
        }

        await CommitAsync(change, previousGrid, previousAssignee);
        return Applied(now);
    }

    public async Task<EvidenceAttachResult> AttachEvidence(EvidencePhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (S.Ticket is not { } ticket)
        {
            return new EvidenceAttachResult { NotFound = true };
        }

        var status = ticket.Status.ToString();
        if (ticket.IsTerminal)
        {
            return new EvidenceAttachResult
            {
                Refusal = $"Ticket {Id} is {ticket.Status}; evidence is attached to open tickets only.",
                Status = status,
                Evidence = [.. S.Evidence],
            };
        }

        // A retried upload (same content, same stage) is recorded once.
        if (S.Evidence.Any(e => e.BlobName == photo.BlobName && e.Stage == photo.Stage))
        {
            return new EvidenceAttachResult { AlreadyAttached = true, Status = status, Evidence = [.. S.Evidence] };
        }

        // Kept with the ticket and recorded in its audit trail in one write (the action's commit): the trail shows
        // who brought which photo when, and a status-preserving entry bumps the version like a supervision does.
        var now = Now();
        S.Evidence.Add(photo with { At = now });
        var recorded = await ExecuteCore(new AttachEvidence(photo.UploadedBy, now, photo.BlobName, photo.Stage), expectedVersion: null, batch: null);
        if (!recorded.Applied)
        {
            S.Evidence.RemoveAt(S.Evidence.Count - 1);
            return new EvidenceAttachResult
            {
                Refusal = recorded.Rejection?.Message ?? $"Ticket {Id} did not take the photo.",
                Status = S.Ticket?.Status.ToString() ?? status,
                Evidence = [.. S.Evidence],
            };
        }

        return new EvidenceAttachResult { Attached = true, Status = status, Evidence = [.. S.Evidence] };
    }

    public async Task<CallerRevealResult> RevealCaller(TicketActor by, string reason)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (S.Ticket is not { } ticket)
        {
            return new CallerRevealResult { NotFound = true };
        }

        var now = Now();
        // The trail never goes back in time, even when an entry was dated a moment ahead of this clock.
        var at = now < ticket.LastChangedAt ? ticket.LastChangedAt : now;
        var entry = new TicketTransition(ticket.History.Count + 1, at, by, ticket.Status, ticket.Status,
            TicketActionKind.RevealCaller, reason.Trim(), "caller's name and phone shown unmasked");
        S.Ticket = ticket with { History = [.. ticket.History, entry] };

        // Published like any entry, so lists and boards keep the ticket's version (the trail's length) right.
        var change = new Change(now, Id);
        change.Transition(entry);
        await CommitAsync(change, S.GridCode, S.AssigneeWorkerId);
        var intake = S.Intake!;
        return new CallerRevealResult { Caller = new TicketCaller(intake.CallerName, intake.CallerPhone), Entry = entry, View = View(now) };
    }

    public Task<TicketView?> Get() => Task.FromResult(S.Ticket is null ? null : View(Now()));

    public Task<TicketSummary?> GetSummary() => Task.FromResult(S.Ticket is null ? null : Summary());

    public Task<IReadOnlyList<TicketTransition>> GetAuditTrail() =>
        Task.FromResult<IReadOnlyList<TicketTransition>>(S.Ticket?.History ?? []);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName || S.Ticket is null)
        {
            return;
        }

        // A one-shot reminder is gone once delivered.
        _reminderKnown = true;
        _reminderDue = null;
        var change = new Change(Now(), Id);
        Evaluate(change, stepsAsOf: change.Now);
        if (change.IsEmpty)
        {
            // Nothing crossed (e.g. a late delivery after an action already handled it): just re-arm.
            await ArmReminderAsync(change.Now);
            return;
        }

        await CommitAsync(change, S.GridCode, S.AssigneeWorkerId);
    }

    // ---- time-driven work -------------------------------------------------------------------------------------------

    /// <summary>
    /// Brings the aging and the suspension alert up to <see cref="Change.Now"/> and the supervision ladder up to
    /// <paramref name="stepsAsOf"/>, adding their events and notifications to <paramref name="change"/>.
    /// <para>
    /// Supervision steps are audit entries, and the lifecycle refuses an action dated before the last entry. So after
    /// an action dated in the past (a trusted caller replaying history) only the steps due by the action's own time
    /// are taken, dated then; the rest wait for the reminder, armed <see cref="CatchUpDelay"/> later so a replay in
    /// progress is not interleaved with entries dated now.
    /// </para>
    /// </summary>
    private void Evaluate(Change change, DateTimeOffset stepsAsOf)
    {
        var ticket = S.Ticket!;
        var now = change.Now;
        var stage = TicketClocks.AgingStage(ticket);
        var clock = stage is { } s ? TicketClocks.Clock(ticket, s, city) : null;
        var reading = clock?.ReadAt(now);

        var previousStage = S.AgingStage;
        var previousBucket = S.Bucket;
        S.AgingStage = clock is null ? null : stage;
        S.Deadline = reading?.Deadline;
        S.Bucket = reading?.Bucket;
        S.IsSuspended = ticket.Status == TicketStatus.Suspended;

        if (reading is not null && (previousStage != S.AgingStage || previousBucket != reading.Bucket))
        {
            // An action that starts a new clock reports it in its TicketChanged; only crossings are aging events.
            if (change.IsEmpty || previousStage == S.AgingStage)
            {
                change.Aging(S.AgingStage!.Value, reading.Bucket, reading.Deadline);
            }

            var worse = previousStage != S.AgingStage || previousBucket is null || reading.Bucket > previousBucket;
            if (worse && reading.Bucket == AgingBucket.From75To100)
            {
                NotifyAssignee(change, WorkerNotificationKind.DeadlineWarning, $"预警 {Id}: 时限已用 75%", reading.Deadline);
            }
            else if (worse && reading.Bucket == AgingBucket.Overdue)
            {
                NotifyAssignee(change, WorkerNotificationKind.Overdue, $"超期 {Id}: 已超过办理时限", reading.Deadline);
            }
        }

        if (clock is not null && reading is { IsOverdue: true, IsSuspended: false })
        {
            ClimbLadder(change, $"{stage}@{clock.Start.UtcTicks}", reading.Deadline, stepsAsOf);
        }

        if (ticket.OpenSuspension is { } open && S.SuspensionAlertsRaised < ticket.Suspensions.Count
            && TicketClocks.After(city, open.Start, city.Policies.SuspensionAlertLimit) <= now)
        {
            S.SuspensionAlertsRaised = ticket.Suspensions.Count;
            var reason = $"停止计时期限过长: suspended since {open.Start:O} ({open.Reason}), longer than {city.Policies.SuspensionAlertAfter}";
            change.SuspensionTooLong(open.Start, reason);
            NotifyAssignee(change, WorkerNotificationKind.SuspensionTooLong, $"停止计时过长 {Id}: 请及时恢复计时", null);
        }
    }

    /// <summary>Takes every supervision step due by now on the overdue clock <paramref name="clockKey"/>.</summary>
    private void ClimbLadder(Change change, string clockKey, DateTimeOffset deadline, DateTimeOffset asOf)
    {
        if (S.LadderClock != clockKey)
        {
            S.LadderClock = clockKey;
            S.LadderSteps = 0;
        }

        while (SupervisionLadder.StepAt(city, deadline, S.LadderSteps + 1) is { } due && due <= asOf)
        {
            var step = S.LadderSteps + 1;
            var level = SupervisionLadder.LevelOf(step);
            var escalatedTo = SupervisionLadder.EscalationOf(step) ?? S.EscalatedTo;
            var note = SupervisionLadder.Note(step, deadline);
            var result = S.Ticket!.Apply(new Supervise(SystemActor, asOf, level, note), ContextAt(S.Ticket!, asOf));
            S.LadderSteps = step;
            if (!result.IsApplied)
            {
                continue;
            }

            S.Ticket = result.Ticket;
            // TerritoryLevel counts top down (District = 0): higher up is smaller.
            if (escalatedTo < S.EscalatedTo)
            {
                S.EscalatedTo = escalatedTo;
            }

            change.Transition(result.Transition);
            change.Supervised(level, S.EscalatedTo, note);
            NotifyAssignee(change, WorkerNotificationKind.Supervision, $"督办 {Id}: {note}", deadline);
        }
    }

    /// <summary>The next instant something time-driven is due, or null when nothing is.</summary>
    private DateTimeOffset? NextDue(DateTimeOffset now)
    {
        var ticket = S.Ticket!;
        DateTimeOffset? next = null;
        var stage = TicketClocks.AgingStage(ticket);
        if (stage is { } s && TicketClocks.Clock(ticket, s, city) is { } clock)
        {
            var reading = clock.ReadAt(now);
            next = Earliest(next, reading.NextThresholdAt);
            if (reading is { IsOverdue: true, IsSuspended: false })
            {
                var steps = S.LadderClock == $"{stage}@{clock.Start.UtcTicks}" ? S.LadderSteps : 0;
                next = Earliest(next, SupervisionLadder.StepAt(city, reading.Deadline, steps + 1));
            }
        }

        if (ticket.OpenSuspension is { } open && S.SuspensionAlertsRaised < ticket.Suspensions.Count)
        {
            next = Earliest(next, TicketClocks.After(city, open.Start, city.Policies.SuspensionAlertLimit));
        }

        return next;
    }

    private async Task ArmReminderAsync(DateTimeOffset now)
    {
        var next = NextDue(now);
        if (_reminderKnown && _reminderDue == next)
        {
            // Most actions leave the next due instant where it was: no reminder write.
            return;
        }

        if (next is { } due)
        {
            // Something already due was left for the reminder: only after an action dated in the past (see Evaluate).
            var current = Now();
            var dueTime = due > current ? due - current : CatchUpDelay;
            await RegisterOrUpdateReminder(ReminderName, dueTime, Timeout.InfiniteTimeSpan);
        }
        else if (await GetReminder(ReminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        _reminderKnown = true;
        _reminderDue = next;
    }

    /// <summary>
    /// A change can be stored while its reminder is not (the store failed, or the host died, between the two writes),
    /// leaving no reminder or one armed for an earlier clock. So an activation arms the reminder for the stored state,
    /// whatever is registered: the deadlines and supervision steps then come on time. Something already due fires at
    /// once. Best effort: a store that is down now leaves it to the next change, which arms the reminder anyway.
    /// </summary>
    private async Task EnsureReminderAsync()
    {
        var now = Now();
        if (NextDue(now) is not { } due)
        {
            return;
        }

        // Already armed for this state (reminders have one-second resolution): no write, so a restart stays cheap.
        if (await GetReminder(ReminderName) is { StartAt: { } armed } && (armed - due).Duration() < TimeSpan.FromSeconds(1))
        {
            _reminderKnown = true;
            _reminderDue = due;
            return;
        }

        try
        {
            await RegisterOrUpdateReminder(ReminderName, due > now ? due - now : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            _reminderKnown = true;
            _reminderDue = due;
        }
        catch (Exception)
        {
            _reminderKnown = false;
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // ---- commit and reports -----------------------------------------------------------------------------------------

    private async Task CommitAsync(Change change, string? previousGrid, string? previousAssignee)
    {
        S.Revision++;
        var summary = Summary();
        var published = new List<DomainEvent>(change.Events.Count);
        foreach (var draft in change.Events)
        {
            published.Add(draft(summary, Stream, ++S.EventSequence, change.Now));
        }

        var reports = new List<PendingReport>(change.Reports);
        if (S.GridCode is { } grid)
        {
            reports.Add(new PendingReport(PendingReportKind.GridTrack, grid, summary));
        }

        if (previousGrid is not null && previousGrid != S.GridCode)
        {
            reports.Add(new PendingReport(PendingReportKind.GridTrack, previousGrid, summary));
        }

        if (S.AssigneeWorkerId is { } worker)
        {
            reports.Add(new PendingReport(PendingReportKind.WorkerTrack, worker, summary));
        }

        if (previousAssignee is not null && previousAssignee != S.AssigneeWorkerId)
        {
            reports.Add(new PendingReport(PendingReportKind.WorkerTrack, previousAssignee, summary));
        }

        reports.AddRange(change.Notifications.Select(n => new PendingReport(PendingReportKind.WorkerNotify, n.WorkerId, Notification: n.Notification)));
        foreach (var report in reports)
        {
            Enqueue(report);
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            await ForgetUnsavedChangeAsync();
            throw;
        }

        _outboxChanged = false;

        // Armed before anyone hears of the change, so whoever reacts to the events finds the next reminder in place.
        await ArmReminderAsync(change.Now);
        foreach (var domainEvent in published)
        {
            events.Publish(domainEvent);
        }

        catalog.Upsert(summary);
        await DeliverOutboxAsync();
    }

    /// <summary>
    /// A write failed, so the caller hears of a failure: the change must not stay in memory either, or a later write
    /// would store what was never acknowledged. The grain becomes what the store says; when the store cannot be read
    /// either (it is down), the activation forgets its state and is dropped, so the next call reads the ticket afresh.
    /// </summary>
    private async Task ForgetUnsavedChangeAsync()
    {
        try
        {
            await state.ReadStateAsync();
        }
        catch (Exception)
        {
            // No ticket in memory: neither the retry timer nor deactivation writes anything before the fresh read.
            state.State = new TicketGrainState();
            _outboxChanged = false;
            _reminderKnown = false;
            DeactivateOnIdle();
        }
    }

    /// <summary>Adds a report; a newer summary for the same grid or worker replaces the older one still waiting.</summary>
    private void Enqueue(PendingReport report)
    {
        if (report.Kind is PendingReportKind.GridTrack or PendingReportKind.WorkerTrack)
        {
            S.Outbox.RemoveAll(pending => pending.Kind == report.Kind && pending.Target == report.Target);
        }

        S.Outbox.Add(report);
    }

    private async Task DeliverOutboxAsync()
    {
        foreach (var report in S.Outbox.ToList())
        {
            try
            {
                await DeliverAsync(report);
                S.Outbox.Remove(report);
                _outboxChanged = true;
            }
            catch (Exception)
            {
                // Stays pending: the grid or worker is unavailable now; the retry timer and the next change try again.
            }
        }

        if (S.Outbox.Count > 0)
        {
            EnsureRetryTimer(RetryPeriod);
        }
        else
        {
            _retry?.Dispose();
            _retry = null;
        }
    }

    private async Task DeliverAsync(PendingReport report)
    {
        switch (report.Kind)
        {
            case PendingReportKind.GridTrack:
                await GrainFactory.GetGrain<IGridGrain>(report.Target).TrackTicket(report.Summary!);
                break;
            case PendingReportKind.WorkerTrack:
                await GrainFactory.GetGrain<IWorkerGrain>(report.Target).TrackTicket(report.Summary!);
                break;
            case PendingReportKind.WorkerNotify:
                await GrainFactory.GetGrain<IWorkerGrain>(report.Target).Notify(report.Notification!);
                break;
            case PendingReportKind.OriginalTicket:
                // A refusal (already recorded, original closed meanwhile) is final, not a reason to retry.
                await GrainFactory.GetGrain<ITicketGrain>(report.Target).Execute(report.Action!);
                break;
        }
    }

    private void EnsureRetryTimer(TimeSpan dueTime)
    {
        _retry ??= RegisterGrainTimer(RetryAsync, dueTime, RetryPeriod);
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        await DeliverOutboxAsync();
        if (_outboxChanged && S.Ticket is not null)
        {
            await state.WriteStateAsync(cancellationToken);
            _outboxChanged = false;
        }
    }

    // ---- routing and assignment -------------------------------------------------------------------------------------

    private string? Locate(TicketIntake intake)
    {
        if (!string.IsNullOrWhiteSpace(intake.GridCode))
        {
            return city.Territory.FindGrid(intake.GridCode.Trim())?.Code.Value;
        }

        return intake is { Longitude: { } lon, Latitude: { } lat }
            ? city.Territory.Locator.Locate(new GeoPoint(lon, lat))?.Code.Value
            : null;
    }

    private RouteDecision? RouteFor(Ticket ticket, out string? problem)
    {
        if (ticket.Classification is not { } classification)
        {
            problem = "the ticket is not classified";
            return null;
        }

        var route = city.Route(S.GridCode, classification.Category, out problem);
        problem ??= route is null ? $"no unit is configured for {classification.Category}" : null;
        return route;
    }

    /// <summary>
    /// The grid worker the ticket is with after the change: kept while the lead unit stays; for a new grid unit the
    /// post's primary (the routed post, else the grid leader's), or its backup when the primary is off duty (AB岗).
    /// </summary>
    private async Task<string?> ChooseAssigneeAsync(Ticket before, Ticket after, RouteDecision? route)
    {
        if (after.CurrentUnitId is not { } lead || after.IsTerminal)
        {
            return null;
        }

        if (lead == before.CurrentUnitId && S.AssigneeWorkerId is not null)
        {
            return S.AssigneeWorkerId;
        }

        if (city.Territory.FindUnit(lead) is not { Kind: UnitKind.Grid, TerritoryCode: { } gridCode }
            || city.Territory.FindGrid(gridCode) is not { } grid)
        {
            return null;
        }

        var post = route?.Unit.Id == lead && route.Post is { } routed ? routed : grid.Staff.Leader;
        if (post.BackupWorkerId is { } backup && !await IsOnDutyAsync(post.PrimaryWorkerId))
        {
            return backup;
        }

        return post.PrimaryWorkerId;
    }

    private async Task<bool> IsOnDutyAsync(string workerId)
    {
        try
        {
            return await GrainFactory.GetGrain<IWorkerGrain>(workerId).IsOnDuty();
        }
        catch (Exception)
        {
            // Duty unknown (worker grain unavailable): the post's primary keeps it, as without AB岗.
            return true;
        }
    }

    // ---- duplicates, merge, extension cap ---------------------------------------------------------------------------

    private void DetectDuplicates(Change change)
    {
        var ticket = S.Ticket!;
        if (ticket.Classification is not { } classification || S.Intake is not { Longitude: { } lon, Latitude: { } lat })
        {
            return;
        }

        var candidates = catalog.FindDuplicates(
            classification.Category, lon, lat, ticket.Milestones.ReceivedAt,
            TicketClocks.Span(city.Policies.DuplicateWindowLimit), city.Policies.DuplicateDistanceMeters, Id);
        S.DuplicateCandidates = [.. candidates];
        if (candidates.Count > 0)
        {
            S.SuspectedDuplicateOf = candidates[0].TicketId;
            change.DuplicateSuspected(candidates[0]);
        }
    }

    private string? OriginalProblem(MergeInto merge)
    {
        var originalId = merge.OriginalTicketId?.Trim();
        if (string.IsNullOrEmpty(originalId) || originalId == Id)
        {
            return null; // the action's own check words it
        }

        return catalog.Find(originalId) switch
        {
            null => $"the original ticket {originalId} is not known",
            { IsOpen: false } original => $"the original ticket {originalId} is {original.Status}; a duplicate is merged into an open ticket",
            { MergedInto: { } further } => $"the original ticket {originalId} was itself merged into {further}",
            _ => null,
        };
    }

    /// <summary>All approved extensions plus the requested one together may move the resolve deadline at most the cap.</summary>
    private string? ExtensionCapProblem(Ticket ticket, RequestExtension request)
    {
        if (!TimeLimit.TryParse(request.Limit, out var requested) || requested.Amount == 0
            || TicketClocks.Clock(ticket, SlaStage.Resolve, city) is not { } clock)
        {
            return null;
        }

        var unextended = new SlaClock(city.Calendar, clock.Start, clock.Limit);
        var cap = city.Policies.ExtensionCapLimit;
        var capped = TicketClocks.After(city, unextended.ScheduledDeadline, cap);
        var extended = new SlaClock(city.Calendar, clock.Start, clock.Limit, null, [.. clock.Extensions, requested]);
        return extended.ScheduledDeadline > capped
            ? $"extensions together may add at most {cap}; with {requested} the deadline would be {extended.ScheduledDeadline:O}, after {capped:O}"
            : null;
    }

    // ---- views ------------------------------------------------------------------------------------------------------

    private TicketContext ContextAt(Ticket ticket, DateTimeOffset at) =>
        ticket.Milestones.LatestDispatchedAt is { } dispatched
        && at > TicketClocks.After(city, dispatched, city.Policies.ReturnWindowLimit)
            ? TicketContext.OutsideReturnWindow
            : TicketContext.WithinReturnWindow;

    private TicketSummary Summary()
    {
        var ticket = S.Ticket!;
        var intake = S.Intake!;
        return new TicketSummary
        {
            Id = Id,
            Version = ticket.History.Count,
            Revision = S.Revision,
            Status = ticket.Status,
            Source = intake.Source,
            Category = ticket.Classification?.Category,
            Priority = ticket.Classification?.Priority,
            Kind = ticket.Classification?.Kind,
            GridCode = S.GridCode,
            Address = intake.Address,
            Longitude = intake.Longitude,
            Latitude = intake.Latitude,
            Title = Title(),
            ReceivedAt = ticket.Milestones.ReceivedAt,
            LastChangedAt = ticket.LastChangedAt,
            LeadUnitId = ticket.CurrentUnitId,
            AssigneeWorkerId = S.AssigneeWorkerId,
            AgingStage = S.AgingStage,
            Deadline = S.Deadline,
            Bucket = S.Bucket,
            IsSuspended = S.IsSuspended,
            Supervision = ticket.Supervisions.Count > 0 ? ticket.Supervisions.Max(s => s.Level) : null,
            EscalatedTo = S.EscalatedTo,
            ResolvedAt = ticket.Milestones.ResolvedAt,
            ResolvedOnTime = ResolvedOnTime(ticket),
            Rating = ticket.Rating,
            CalledBackAt = ticket.Milestones.CalledBackAt,
            ClosedAt = ticket.Milestones.ClosedAt,
            SuspectedDuplicateOf = S.SuspectedDuplicateOf,
            MergedInto = ticket.MergedIntoTicketId,
        };
    }

    private bool? ResolvedOnTime(Ticket ticket) =>
        ticket.Milestones.ResolvedAt is { } resolved && TicketClocks.Clock(ticket, SlaStage.Resolve, city) is { } clock
            ? resolved <= clock.ReadAt(resolved).Deadline
            : null;

    private TicketView View(DateTimeOffset now)
    {
        var ticket = S.Ticket!;
        return new TicketView
        {
            Summary = Summary(),
            Ticket = ticket,
            // Every view (API, hub, events) carries the caller masked; only RevealCaller shows it.
            Intake = CallerMask.Intake(S.Intake!),
            Clocks = TicketClocks.Read(ticket, city, now),
            AllowedActions = ticket.AllowedActions(ContextAt(ticket, now)),
            DuplicateCandidates = [.. S.DuplicateCandidates],
            Evidence = [.. S.Evidence],
            ReadAt = now,
        };
    }

    private string Title()
    {
        var description = S.Intake!.Description.Trim();
        return description.Length <= TitleLength ? description : description[..(TitleLength - 1)] + "…";
    }

    private TicketCommandResult Applied(DateTimeOffset now) => new() { Applied = true, View = View(now) };

    private TicketCommandResult Rejected(TicketRejection rejection, DateTimeOffset now) =>
        new() { Applied = false, Rejection = rejection, View = S.Ticket is null ? null : View(now) };

    private TicketRejection Refusal(Ticket ticket, TicketActionKind kind, TicketRejectionReason reason, string why, DateTimeOffset now)
    {
        var allowed = ticket.AllowedActions(ContextAt(ticket, now));
        return new TicketRejection(Id, ticket.Status, kind, reason,
            $"{kind} on ticket {Id} in status {ticket.Status} is invalid: {why}. Allowed now: {string.Join(", ", allowed)}.", allowed);
    }

    private void NotifyAssignee(Change change, WorkerNotificationKind kind, string title, DateTimeOffset? deadline = null)
    {
        if (S.AssigneeWorkerId is { } worker)
        {
            change.Notify(worker, kind, title, deadline);
        }
    }

    private DateTimeOffset Now() => TimeProvider.GetUtcNow();

    /// <summary>What one call or reminder changes: its events (numbered at commit), notifications and other reports.</summary>
    private sealed class Change(DateTimeOffset now, string ticketId)
    {
        public DateTimeOffset Now { get; } = now;

        public List<Func<TicketSummary, string, long, DateTimeOffset, DomainEvent>> Events { get; } = [];

        public List<(string WorkerId, WorkerNotification Notification)> Notifications { get; } = [];

        public List<PendingReport> Reports { get; } = [];

        public bool IsEmpty => Events.Count == 0;

        public void Transition(TicketTransition transition) =>
            Events.Add((summary, stream, sequence, _) => new TicketChanged(summary, transition) { Stream = stream, Sequence = sequence, At = transition.At });

        public void Aging(SlaStage stage, AgingBucket bucket, DateTimeOffset deadline) =>
            Events.Add((summary, stream, sequence, at) => new TicketAgingChanged(summary, stage, bucket, deadline) { Stream = stream, Sequence = sequence, At = at });

        public void Supervised(SupervisionLevel level, TerritoryLevel escalatedTo, string note) =>
            Events.Add((summary, stream, sequence, at) => new TicketSupervised(summary, level, escalatedTo, note) { Stream = stream, Sequence = sequence, At = at });

        public void SuspensionTooLong(DateTimeOffset since, string reason) =>
            Events.Add((summary, stream, sequence, at) => new TicketSuspensionTooLong(summary, since, reason) { Stream = stream, Sequence = sequence, At = at });

        public void DuplicateSuspected(DuplicateCandidate candidate) =>
            Events.Add((summary, stream, sequence, at) => new TicketDuplicateSuspected(summary, candidate) { Stream = stream, Sequence = sequence, At = at });

        public void Notify(string workerId, WorkerNotificationKind kind, string title, DateTimeOffset? deadline, bool first = false) =>
            Notifications.Insert(
                first ? 0 : Notifications.Count,
                (workerId, new WorkerNotification { At = Now, Kind = kind, Title = title, TicketId = ticketId, Deadline = deadline }));
    }
}
