using System.Globalization;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Evidence;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// One inspection (巡查 or 核查) following <see cref="InspectionLifecycle"/>. Each change is durable before the call
/// returns, then published on "inspection/{id}" and reported to the grid and the worker. A durable one-shot reminder
/// at the window's end marks an inspection still open as missed and escalates it to the grid's community. Findings
/// become tickets; a verification's outcome closes its ticket or sends it to rework. Calls flow from here to tickets,
/// the grid and the worker only.
/// </summary>
public sealed class InspectionGrain : Grain, IInspectionGrain, IRemindable
{
    public const string WindowEndReminder = "window-end";

    /// <summary>LiveGrid itself, for what happens by schedule or by clock.</summary>
    public static readonly TicketActor System = new("livegrid", ActorRole.System, "LiveGrid");

    private readonly IPersistentState<InspectionState> _state;
    private readonly CityModel _city;
    private readonly IDomainEventStream _events;
    private int _reportedVersion;

    public InspectionGrain([PersistentState("inspection")] IPersistentState<InspectionState> state, CityModel city, IDomainEventStream events)
    {
        _state = state;
        _city = city;
        _events = events;
    }

    private string Id => this.GetPrimaryKeyString();

    private InspectionState State => _state.State;

    private InspectionPlan? Plan => State.Plan;

    public async Task<InspectionResult> Schedule(InspectionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Plan is not null)
        {
            if (!SamePlan(Plan, plan))
            {
                return Reject(InspectionCommand.Schedule, $"inspection {Id} is already scheduled with another plan (worker {Plan.WorkerId}, {Plan.WindowStart:O} to {Plan.WindowEnd:O})");
            }

            // A repeat: finish whatever a failure after the first write left undone, and change nothing else.
            await TryCatchUpAsync();
            return new InspectionResult { Applied = true, Unchanged = true, View = View(), AllowedCommands = Allowed() };
        }

        var now = TimeProvider.GetUtcNow();
        if (PlanProblem(plan, now) is { } problem)
        {
            return Reject(InspectionCommand.Schedule, problem);
        }

        // The reminder first: an inspection that exists without its window-end reminder could never be missed.
        await RegisterOrUpdateReminder(WindowEndReminder, plan.WindowEnd - now, Timeout.InfiniteTimeSpan);
        State.Plan = plan;
        await ApplyAsync(InspectionCommand.Schedule, System, now, plan.Shift is { } shift ? $"{plan.Kind} {shift}" : plan.Kind.ToString());
        await TryCatchUpAsync();
        return Applied();
    }

    public async Task<InspectionResult> CheckIn(TicketActor actor, DateTimeOffset at, double? longitude = null, double? latitude = null)
    {
        if (Refusal(InspectionCommand.CheckIn, actor, at) is { } refused)
        {
            return refused;
        }

        var plan = Plan!;
        if (at < plan.WindowStart || at >= plan.WindowEnd)
        {
            return Reject(InspectionCommand.CheckIn, $"check-in at {at:O} is outside the window {plan.WindowStart:O} to {plan.WindowEnd:O}");
        }

        if (actor.Role == ActorRole.GridWorker && actor.Id != plan.WorkerId)
        {
            return Reject(InspectionCommand.CheckIn, $"inspection {Id} is assigned to {plan.WorkerId}, not {actor.Id}");
        }

        if (LocationProblem(plan.GridCode, longitude, latitude) is { } problem)
        {
            return Reject(InspectionCommand.CheckIn, problem);
        }

        State.StartedAt = at;
        State.StartedBy = actor;
        var where = longitude is { } lon && latitude is { } lat ? string.Create(CultureInfo.InvariantCulture, $"at ({lon}, {lat})") : null;
        await ApplyAsync(InspectionCommand.CheckIn, actor, at, where);
        await TryCatchUpAsync();
        return Applied();
    }

    public async Task<InspectionResult> PassCheckpoint(TicketActor actor, DateTimeOffset at, string checkpoint, string? note = null)
    {
        if (Refusal(InspectionCommand.PassCheckpoint, actor, at) is { } refused)
        {
            return refused;
        }

        var name = checkpoint?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Reject(InspectionCommand.PassCheckpoint, "a checkpoint needs a name");
        }

        if (Plan!.Checkpoints.Count > 0 && !Plan.Checkpoints.Contains(name, StringComparer.Ordinal))
        {
            return Reject(InspectionCommand.PassCheckpoint, $"'{name}' is not a checkpoint of this patrol; the checkpoints are {string.Join(", ", Plan.Checkpoints)}");
        }

        if (State.Checkpoints.Any(c => c.Name == name))
        {
            return Reject(InspectionCommand.PassCheckpoint, $"checkpoint '{name}' was already passed");
        }

        State.Checkpoints.Add(new PassedCheckpoint(name, at, Trimmed(note)));
        await ApplyAsync(InspectionCommand.PassCheckpoint, actor, at, Trimmed(note) is { } n ? $"{name}: {n}" : name);
        await TryCatchUpAsync();
        return Applied();
    }

    public async Task<InspectionResult> ReportFinding(TicketActor actor, DateTimeOffset at, PatrolFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (Refusal(InspectionCommand.ReportFinding, actor, at) is { } refused)
        {
            return refused;
        }

        if (FindingProblem(finding) is { } problem)
        {
            return Reject(InspectionCommand.ReportFinding, problem);
        }

        var plan = Plan!;

        var ticketAt = TicketTime(at);
        var ticketId = await GrainFactory.GetGrain<ITicketNumberGrain>(_city.LocalDate(ticketAt).ToString("yyyyMMdd", CultureInfo.InvariantCulture)).Next();
        var ticket = GrainFactory.GetGrain<ITicketGrain>(ticketId);
        var received = await ticket.Receive(new TicketIntake
        {
            ReceivedBy = actor,
            At = ticketAt,
            Source = TicketSource.Patrol,
            Description = finding.Description.Trim(),
            Address = Trimmed(finding.Address),
            Longitude = finding.Longitude,
            Latitude = finding.Latitude,
            GridCode = plan.GridCode,
            Kind = finding.Kind,
            Category = finding.Category.Trim(),
            Priority = finding.Priority,
            InspectionId = Id,
        });
        if (!received.Applied)
        {
            return Reject(InspectionCommand.ReportFinding, $"the finding could not become a ticket: {received.Rejection?.Message ?? "the ticket refused it"}");
        }

        var onSpotProblem = finding.ResolvedOnSpot ? await ResolveOnSpotAsync(ticket, State.StartedBy ?? actor, ticketAt, plan.GridCode, finding.Resolution!.Trim()) : null;
        State.Findings.Add(new RecordedFinding(finding, ticketId, at));
        await ApplyAsync(InspectionCommand.ReportFinding, actor, at, finding.ResolvedOnSpot ? $"{finding.Category} → {ticketId} (即办)" : $"{finding.Category} → {ticketId}");
        await TryCatchUpAsync();
        return Applied() with { CreatedTicketId = ticketId, Error = onSpotProblem };
    }

    public async Task<InspectionResult> Complete(TicketActor actor, DateTimeOffset at, string? note = null, bool? passed = null)
    {
        if (Refusal(InspectionCommand.Complete, actor, at) is { } refused)
        {
            return refused;
        }

        var plan = Plan!;
        if (at > plan.WindowEnd)
        {
            return Reject(InspectionCommand.Complete, $"the window ended at {plan.WindowEnd:O}; completing at {at:O} is too late");
        }

        if (plan.Kind == InspectionKind.Verification)
        {
            if (passed is not { } outcome)
            {
                return Reject(InspectionCommand.Complete, "a verification completes with passed true or false");
            }

            if (!outcome && Trimmed(note) is null)
            {
                return Reject(InspectionCommand.Complete, "a failed verification needs a note saying what was found");
            }

            if (await VerifyTicketAsync(actor, TicketTime(at), plan.TicketId!, outcome, Trimmed(note)) is { } ticketProblem)
            {
                return Reject(InspectionCommand.Complete, ticketProblem);
            }

            State.Passed = outcome;
        }
        else if (passed is not null)
        {
            return Reject(InspectionCommand.Complete, "passed applies to verifications only");
        }

        State.CompletedAt = at;
        State.Note = Trimmed(note);
        await ApplyAsync(InspectionCommand.Complete, actor, at, plan.Kind == InspectionKind.Verification ? $"{(State.Passed == true ? "passed" : "failed")}{(State.Note is { } n ? $": {n}" : "")}" : State.Note);
        if (await GetReminder(WindowEndReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        await TryCatchUpAsync();
        return Applied();
    }

    public async Task<EvidenceAttachResult> AttachEvidence(EvidencePhoto photo)
    {
        ArgumentNullException.ThrowIfNull(photo);
        if (Plan is null)
        {
            return new EvidenceAttachResult { NotFound = true };
        }

        var status = State.Status.ToString();
        if (!InspectionLifecycle.IsOpen(State.Status))
        {
            return new EvidenceAttachResult
            {
                Refusal = $"Inspection {Id} is {State.Status}; evidence is attached to open inspections only.",
                Status = status,
                Evidence = [.. State.Evidence],
            };
        }

        if (State.Evidence.Any(e => e.BlobName == photo.BlobName && e.Stage == photo.Stage))
        {
            return new EvidenceAttachResult { AlreadyAttached = true, Status = status, Evidence = [.. State.Evidence] };
        }

        var now = TimeProvider.GetUtcNow();
        State.Evidence.Add(photo with { At = now });
        var change = Record(photo.UploadedBy, now, State.Status, State.Status, "AttachEvidence", $"{photo.Stage} {photo.BlobName}");
        await SaveAsync(change);
        return new EvidenceAttachResult { Attached = true, Status = status, Evidence = [.. State.Evidence] };
    }

    public Task<InspectionView?> Get() => Task.FromResult(Plan is null ? null : View());

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WindowEndReminder || Plan is not { } plan)
        {
            return;
        }

        if (!InspectionLifecycle.IsOpen(State.Status))
        {
            // A retry after a delivery whose reports failed: the miss is recorded, only the telling is left.
            await CatchUpAsync();
            return;
        }

        var now = TimeProvider.GetUtcNow();
        if (now < plan.WindowEnd)
        {
            // Early by the reminders' one-second resolution: wait for the rest.
            await RegisterOrUpdateReminder(WindowEndReminder, plan.WindowEnd - now, Timeout.InfiniteTimeSpan);
            return;
        }

        // Missed, then escalated one level up like an overdue ticket: both recorded, both published, one write.
        var community = GridCode.TryParse(plan.GridCode, out var code) ? code.CommunityCode : null;
        var communityName = community is null ? null : _city.Territory.Index.Find(community)?.Name;
        var missed = Step(InspectionCommand.Miss, System, plan.WindowEnd, $"window ended with the inspection {State.Status.ToString().ToLowerInvariant()}");
        State.EscalatedTo = TerritoryLevel.Community;
        var escalated = Record(System, plan.WindowEnd, InspectionStatus.Missed, InspectionStatus.Missed, "Escalate",
            $"missed {plan.Kind.ToString().ToLowerInvariant()} escalated to the community {communityName ?? "?"} ({community?.Value ?? "unknown"})");
        await SaveAsync(missed, escalated);
        await CatchUpAsync();
    }

    /// <summary>
    /// After a person's command: the change is durable and answered whatever happens here. Reports that fail (the
    /// grid or worker unavailable) are left pending and re-sent by the next command, the window-end reminder or a
    /// repeated Schedule, since grid and worker keep the newest version.
    /// </summary>
    private async Task TryCatchUpAsync()
    {
        try
        {
            await CatchUpAsync();
        }
        catch (Exception)
        {
            // Left pending: _reportedVersion and the notified flags still show what is owed.
        }
    }

    /// <summary>
    /// Reports the current summary to the grid and the worker (both keep the newest version), and tells the worker
    /// what concerns them, each at most once per version or event.
    /// </summary>
    private async Task CatchUpAsync()
    {
        var plan = Plan!;
        if (_reportedVersion < State.Version)
        {
            var summary = Summary();
            await Task.WhenAll(
                GrainFactory.GetGrain<IGridGrain>(plan.GridCode).TrackInspection(summary),
                GrainFactory.GetGrain<IWorkerGrain>(plan.WorkerId).TrackInspection(summary));
            _reportedVersion = summary.Version;
        }

        if (!State.WorkerNotified)
        {
            await GrainFactory.GetGrain<IWorkerGrain>(plan.WorkerId).Notify(new WorkerNotification
            {
                At = State.History[0].At,
                Kind = plan.Kind == InspectionKind.Verification ? WorkerNotificationKind.VerificationScheduled : WorkerNotificationKind.PatrolScheduled,
                Title = plan.Kind == InspectionKind.Verification
                    ? $"核查工单 {plan.TicketId}: {plan.WindowStart:O} – {plan.WindowEnd:O}"
                    : $"巡查 {GridName(plan.GridCode)} {plan.Shift}: {plan.WindowStart:O} – {plan.WindowEnd:O}",
                TicketId = plan.TicketId,
                InspectionId = Id,
                Deadline = plan.WindowEnd,
            });
            State.WorkerNotified = true;
            await _state.WriteStateAsync();
        }

        if (State.Status == InspectionStatus.Missed && !State.MissNotified)
        {
            await GrainFactory.GetGrain<IWorkerGrain>(plan.WorkerId).Notify(new WorkerNotification
            {
                At = plan.WindowEnd,
                Kind = WorkerNotificationKind.PatrolMissed,
                Title = plan.Kind == InspectionKind.Verification
                    ? $"未完成核查 工单 {plan.TicketId}: 已上报社区"
                    : $"未完成巡查 {GridName(plan.GridCode)} {plan.Shift}: 已上报社区",
                TicketId = plan.TicketId,
                InspectionId = Id,
                Deadline = plan.WindowEnd,
            });
            State.MissNotified = true;
            await _state.WriteStateAsync();
        }
    }

    private async Task<string?> ResolveOnSpotAsync(ITicketGrain ticket, TicketActor worker, DateTimeOffset at, string gridCode, string resolution)
    {
        TicketAction[] steps =
        [
            new Dispatch(worker, at, ResponsibleUnit.GridUnitId(gridCode), Note: "巡查即办"),
            new Accept(worker, at, "巡查即办"),
            new ArriveOnSite(worker, at, "巡查即办"),
            new Resolve(worker, at, resolution, ResolutionLevel.Grid),
        ];
        foreach (var step in steps)
        {
            var result = await ticket.Execute(step);
            if (!result.Applied)
            {
                return $"the finding became a ticket, but resolving it on the spot stopped at {step.ActionKind}: {result.Rejection?.Message ?? "refused"}";
            }
        }

        return null;
    }

    private async Task<string?> VerifyTicketAsync(TicketActor actor, DateTimeOffset at, string ticketId, bool passed, string? note)
    {
        var ticket = GrainFactory.GetGrain<ITicketGrain>(ticketId);
        var verified = await ticket.Execute(new Verify(actor, at, passed, note));
        if (!verified.Applied)
        {
            return verified.NotFound
                ? $"ticket {ticketId} does not exist"
                : $"ticket {ticketId} could not be verified: {verified.Rejection?.Message ?? "refused"}";
        }

        // A failed verification holds the ticket until it goes back to its unit (返工): that is this verification's verdict.
        if (!passed && verified.View?.Summary.Status == TicketStatus.Resolved)
        {
            var rework = await ticket.Execute(new Rework(actor, at, note!, ReworkSource.FailedVerification));
            if (!rework.Applied)
            {
                return $"ticket {ticketId} failed verification but could not be sent to rework: {rework.Rejection?.Message ?? "refused"}";
            }
        }

        return null;
    }

    /// <summary>The common checks of a person's command: the inspection exists, the step is in the table, the time is sane.</summary>
    private InspectionResult? Refusal(InspectionCommand command, TicketActor actor, DateTimeOffset at)
    {
        if (Plan is null)
        {
            return new InspectionResult { Applied = false, NotFound = true, Error = $"inspection {Id} does not exist" };
        }

        if (actor is null || string.IsNullOrWhiteSpace(actor.Id))
        {
            return Reject(command, "the actor needs an id");
        }

        if (InspectionLifecycle.Find(State.Status, command) is null)
        {
            return Reject(command, $"{command} is not allowed: inspection {Id} is {State.Status}");
        }

        if (at < State.History[^1].At)
        {
            return Reject(command, $"{command} at {at:O} is earlier than the last step ({State.History[^1].At:O})");
        }

        return null;
    }

    private string? PlanProblem(InspectionPlan plan, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(plan.WorkerId))
        {
            return "the plan needs a worker";
        }

        if (_city.Territory.FindGrid(plan.GridCode) is null)
        {
            return $"grid {plan.GridCode} is not in the territory";
        }

        if (plan.WindowEnd <= plan.WindowStart)
        {
            return $"the window must end after it starts ({plan.WindowStart:O} to {plan.WindowEnd:O})";
        }

        if (plan.WindowEnd <= now)
        {
            return $"the window ended at {plan.WindowEnd:O}, before it could be scheduled";
        }

        return (plan.Kind, plan.TicketId) switch
        {
            (InspectionKind.Verification, null or "") => "a verification needs the ticket to verify",
            (InspectionKind.Patrol, not null) => "a patrol is not about one ticket; schedule a verification instead",
            _ => null,
        };
    }

    private string? LocationProblem(string gridCode, double? longitude, double? latitude)
    {
        if (longitude is null && latitude is null)
        {
            return null;
        }

        if (longitude is not { } lon || latitude is not { } lat || !double.IsFinite(lon) || !double.IsFinite(lat) || lon is < -180 or > 180 || lat is < -90 or > 90)
        {
            return "a check-in location needs both a valid longitude and latitude";
        }

        var grid = _city.Territory.FindGrid(gridCode);
        return grid is null || grid.Boundary.Contains(new GeoPoint(lon, lat))
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"check-in at ({lon}, {lat}) is outside grid {gridCode} ({grid.Name})");
    }

    private string? FindingProblem(PatrolFinding finding)
    {
        if (string.IsNullOrWhiteSpace(finding.Category) || _city.FindCategory(finding.Category) is null)
        {
            return $"category '{finding.Category}' is not configured";
        }

        if (string.IsNullOrWhiteSpace(finding.Description))
        {
            return "a finding needs a description";
        }

        return finding.ResolvedOnSpot && string.IsNullOrWhiteSpace(finding.Resolution)
            ? "a finding fixed on the spot (即办) needs the resolution: what was done"
            : null;
    }

    private async Task ApplyAsync(InspectionCommand command, TicketActor actor, DateTimeOffset at, string? note) =>
        await SaveAsync(Step(command, actor, at, note));

    /// <summary>Moves the status by the table's rule and records the step; the caller has checked the rule exists.</summary>
    private InspectionChanged Step(InspectionCommand command, TicketActor actor, DateTimeOffset at, string? note)
    {
        var from = Plan is not null && State.History.Count > 0 ? State.Status : (InspectionStatus?)null;
        var rule = InspectionLifecycle.Find(from, command)
            ?? throw new InvalidOperationException($"{command} is not allowed from {from?.ToString() ?? "nothing"}");
        State.Status = rule.To;
        return Record(actor, at, from, rule.To, command.ToString(), note);
    }

    private InspectionChanged Record(TicketActor actor, DateTimeOffset at, InspectionStatus? from, InspectionStatus to, string action, string? note)
    {
        State.Version++;
        State.History.Add(new InspectionStep(State.History.Count + 1, at, actor, from, to, action, note));
        State.EventSequence++;
        return new InspectionChanged(Summary(), action) { Stream = DomainEvent.StreamOf("inspection", Id), Sequence = State.EventSequence, At = at };
    }

    /// <summary>Writes, then publishes: nobody hears of a change that could still be lost.</summary>
    private async Task SaveAsync(params InspectionChanged[] changes)
    {
        await _state.WriteStateAsync();
        foreach (var change in changes)
        {
            _events.Publish(change);
        }
    }

    private InspectionResult Applied() => new() { Applied = true, View = View(), AllowedCommands = Allowed() };

    private InspectionResult Reject(InspectionCommand command, string why) => new()
    {
        Applied = false,
        View = Plan is null ? null : View(),
        Error = Plan is null ? $"{command} refused: {why}" : $"{command} refused ({State.Status}): {why}",
        AllowedCommands = Allowed(),
    };

    private IReadOnlyList<string> Allowed() => InspectionLifecycle.AllowedCommands(Plan is null ? null : State.Status);

    private InspectionSummary Summary()
    {
        var plan = Plan!;
        return new InspectionSummary
        {
            Id = Id,
            Version = State.Version,
            Kind = plan.Kind,
            Status = State.Status,
            GridCode = plan.GridCode,
            WorkerId = plan.WorkerId,
            Shift = plan.Shift,
            WindowStart = plan.WindowStart,
            WindowEnd = plan.WindowEnd,
            StartedAt = State.StartedAt,
            CompletedAt = State.CompletedAt,
            CheckpointsPassed = State.Checkpoints.Count,
            CheckpointsPlanned = plan.Checkpoints.Count,
            Findings = State.Findings.Count,
            TicketId = plan.TicketId,
            Passed = State.Passed,
            EscalatedTo = State.EscalatedTo,
        };
    }

    private InspectionView View() => new()
    {
        Summary = Summary(),
        Plan = Plan!,
        Checkpoints = [.. State.Checkpoints],
        Findings = [.. State.Findings],
        Note = State.Note,
        Evidence = [.. State.Evidence],
        History = [.. State.History],
    };

    /// <summary>A phone's clock may run a little ahead, but a ticket takes nothing in the future: its actions happen by now at the latest.</summary>
    private DateTimeOffset TicketTime(DateTimeOffset at)
    {
        var now = TimeProvider.GetUtcNow();
        return at > now ? now : at;
    }

    private string GridName(string gridCode) => _city.Territory.FindGrid(gridCode)?.Name ?? gridCode;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool SamePlan(InspectionPlan a, InspectionPlan b) =>
        a.Kind == b.Kind && a.GridCode == b.GridCode && a.WorkerId == b.WorkerId && a.WindowStart == b.WindowStart
        && a.WindowEnd == b.WindowEnd && a.TicketId == b.TicketId && a.Shift == b.Shift && a.Checkpoints.SequenceEqual(b.Checkpoints);
}
