using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Workers;

/// <summary>
/// One grid worker: duty (AB岗), the open tickets and inspections that are theirs and an ordered feed of notifications.
/// Every change is durable before the call returns and then published on "worker/{id}". It calls no other grain.
/// </summary>
public sealed class WorkerGrain : Grain, IWorkerGrain
{
    /// <summary>How many notifications the feed keeps; a phone further behind reloads its assignments instead.</summary>
    public const int FeedCapacity = 500;

    /// <summary>How many tickets and inspections that left the worker are remembered to reject late, older summaries.</summary>
    public const int DroppedCapacity = 1_000;

    private readonly IPersistentState<WorkerState> _state;
    private readonly CityModel _city;
    private readonly IDomainEventStream _events;

    public WorkerGrain([PersistentState("worker")] IPersistentState<WorkerState> state, CityModel city, IDomainEventStream events)
    {
        _state = state;
        _city = city;
        _events = events;
    }

    private string WorkerId => this.GetPrimaryKeyString();

    private WorkerState State => _state.State;

    private WorkerProfile? Profile => _city.Territory.FindWorker(WorkerId);

    /// <summary>Unless told otherwise, a worker the territory lists is on duty; an unknown one is not (work goes to the backup).</summary>
    private bool OnDuty => State.OnDuty ?? Profile is not null;

    public async Task<WorkerView> SetDuty(bool onDuty, DateTimeOffset at)
    {
        if (State.OnDuty == onDuty)
        {
            return View();
        }

        var changed = OnDuty != onDuty;
        State.OnDuty = onDuty;
        State.DutyChangedAt = at;
        await SaveAsync(changed ? WorkloadEvent(at) : null);
        return View();
    }

    public Task<bool> IsOnDuty() => Task.FromResult(OnDuty);

    public async Task TrackTicket(TicketSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var id = summary.Id;
        if (State.Tickets.TryGetValue(id, out var known) ? summary.Revision <= known.Revision
            : State.DroppedTickets.TryGetValue(id, out var dropped) && summary.Revision <= dropped.Mark)
        {
            return;
        }

        var before = Workload();
        if (summary.IsOpen && summary.AssigneeWorkerId == WorkerId)
        {
            State.Tickets[id] = summary;
            State.DroppedTickets.Remove(id);
        }
        else if (State.Tickets.Remove(id))
        {
            Remember(State.DroppedTickets, id, summary.Revision);
        }
        else
        {
            // Never ours and still not ours: nothing to keep or write.
            return;
        }

        await SaveAsync(Workload() != before ? WorkloadEvent(summary.LastChangedAt) : null);
    }

    public async Task TrackInspection(InspectionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var id = summary.Id;
        if (State.Inspections.TryGetValue(id, out var known) ? summary.Version <= known.Version
            : State.DroppedInspections.TryGetValue(id, out var dropped) && summary.Version <= dropped.Mark)
        {
            return;
        }

        var open = summary.Status is InspectionStatus.Scheduled or InspectionStatus.Started;
        if (open && summary.WorkerId == WorkerId)
        {
            State.Inspections[id] = summary;
            State.DroppedInspections.Remove(id);
        }
        else if (State.Inspections.Remove(id))
        {
            Remember(State.DroppedInspections, id, summary.Version);
        }
        else
        {
            return;
        }

        await SaveAsync(null);
    }

    public async Task<WorkerNotification> Notify(WorkerNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var numbered = notification with { Sequence = State.FeedSequence + 1 };
        State.FeedSequence = numbered.Sequence;
        State.Feed.Add(numbered);
        if (State.Feed.Count > FeedCapacity)
        {
            State.Feed.RemoveRange(0, State.Feed.Count - FeedCapacity);
        }

        await SaveAsync(new WorkerNotified(WorkerId, numbered) { Stream = Stream, Sequence = 0, At = numbered.At });
        return numbered;
    }

    public Task<WorkerView> Get() => Task.FromResult(View());

    public Task<IReadOnlyList<WorkerNotification>> GetFeed(long afterSequence = 0, int max = 100)
    {
        var take = Math.Clamp(max, 0, FeedCapacity);
        IReadOnlyList<WorkerNotification> page = [.. State.Feed.Where(n => n.Sequence > afterSequence).Take(take)];
        return Task.FromResult(page);
    }

    private string Stream => DomainEvent.StreamOf("worker", WorkerId);

    private (int Open, int Overdue) Workload() =>
        (State.Tickets.Count, State.Tickets.Values.Count(t => t.IsOverdue));

    private WorkerChanged WorkloadEvent(DateTimeOffset at)
    {
        var (open, overdue) = Workload();
        return new WorkerChanged(WorkerId, OnDuty, open, overdue) { Stream = Stream, Sequence = 0, At = at };
    }

    /// <summary>Writes the state, then publishes the event (numbered in the durable sequence), so nobody hears of a change that could still be lost.</summary>
    private async Task SaveAsync(DomainEvent? change)
    {
        if (change is not null)
        {
            State.EventSequence++;
            change = change with { Sequence = State.EventSequence };
        }

        await _state.WriteStateAsync();
        if (change is not null)
        {
            _events.Publish(change);
        }
    }

    private void Remember(Dictionary<string, DroppedMark> dropped, string id, long mark)
    {
        dropped[id] = new DroppedMark(mark, ++State.DropCount);
        if (dropped.Count > DroppedCapacity)
        {
            dropped.Remove(dropped.MinBy(entry => entry.Value.Order).Key);
        }
    }

    private WorkerView View()
    {
        var profile = Profile;
        return new WorkerView
        {
            WorkerId = WorkerId,
            Name = profile?.Name,
            GridCode = profile?.GridCode,
            OnDuty = OnDuty,
            DutyChangedAt = State.DutyChangedAt,
            Assignments = [.. State.Tickets.Values
                .OrderBy(t => t.Deadline ?? DateTimeOffset.MaxValue)
                .ThenBy(t => t.ReceivedAt)
                .ThenBy(t => t.Id, StringComparer.Ordinal)],
            Inspections = [.. State.Inspections.Values
                .OrderBy(i => i.WindowStart)
                .ThenBy(i => i.Id, StringComparer.Ordinal)],
            FeedSequence = State.FeedSequence,
        };
    }
}
