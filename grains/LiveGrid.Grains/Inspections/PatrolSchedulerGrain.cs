using LiveGrid.Grains.City;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using LiveGrid.Runtime.Reminders;
using LiveGrid.Runtime.State;

namespace LiveGrid.Grains.Inspections;

/// <summary>
/// Schedules the city's daily patrols (每天至少到网格巡查一次, 错时工作制): for each local day, every grid gets one
/// inspection per shift of <see cref="CityPolicies.Shifts"/>, the shifts going round the grid's posts, each post
/// worked by its primary worker or, when they are off duty, by the backup (AB岗). A durable daily reminder shortly
/// after local midnight does the day, so every window exists before it opens. Calls inspections and asks workers'
/// duty; nothing calls back.
/// </summary>
public sealed class PatrolSchedulerGrain : Grain, IPatrolSchedulerGrain, IRemindable
{
    public const string DailyReminder = "daily";

    /// <summary>How long after local midnight the day's patrols are scheduled.</summary>
    public static readonly TimeSpan DailyAt = TimeSpan.FromMinutes(5);

    /// <summary>How many days are remembered as done.</summary>
    public const int DaysKept = 62;

    /// <summary>How many inspections are scheduled at once.</summary>
    private const int Parallelism = 64;

    private readonly IPersistentState<PatrolSchedulerState> _state;
    private readonly CityModel _city;

    public PatrolSchedulerGrain([PersistentState("patrol-scheduler")] IPersistentState<PatrolSchedulerState> state, CityModel city)
    {
        _state = state;
        _city = city;
    }

    private PatrolSchedulerState State => _state.State;

    public async Task Start()
    {
        var now = TimeProvider.GetUtcNow();
        if (!State.Started || await GetReminder(DailyReminder) is null)
        {
            var today = _city.LocalDate(now);
            var next = Local(today, TimeOnly.FromTimeSpan(DailyAt));
            if (next <= now)
            {
                next = Local(today.AddDays(1), TimeOnly.FromTimeSpan(DailyAt));
            }

            await RegisterOrUpdateReminder(DailyReminder, next - now, TimeSpan.FromDays(1));
            State.Started = true;
            await _state.WriteStateAsync();
        }

        await ScheduleDay(_city.LocalDate(now));
    }

    public async Task<int> ScheduleDay(DateOnly localDate)
    {
        if (State.Days.Any(d => d.Day == localDate))
        {
            return 0;
        }

        var now = TimeProvider.GetUtcNow();
        var duty = new Dictionary<string, Task<bool>>(StringComparer.Ordinal);
        var plans = new List<(string Key, InspectionPlan Plan)>();
        foreach (var grid in _city.Territory.Index.Grids)
        {
            var posts = new List<StaffPost> { grid.Staff.Leader };
            posts.AddRange(grid.Staff.Members);
            for (var shiftIndex = 0; shiftIndex < _city.Policies.Shifts.Count; shiftIndex++)
            {
                var shift = _city.Policies.Shifts[shiftIndex];
                var (start, end) = (Local(localDate, shift.Start), Local(localDate, shift.End));
                if (end <= now)
                {
                    // A window already over cannot be patrolled: scheduling it would only report a miss nobody caused.
                    continue;
                }

                // The shifts go round the grid's posts, so the patrols of a day are shared out (错时).
                var post = posts[shiftIndex % posts.Count];
                var worker = await WorkerFor(post, duty);
                plans.Add(($"{grid.Code.Value}-{localDate:yyyyMMdd}-{shiftIndex}", new InspectionPlan
                {
                    Kind = InspectionKind.Patrol,
                    GridCode = grid.Code.Value,
                    WorkerId = worker,
                    WindowStart = start,
                    WindowEnd = end,
                    Checkpoints = [.. _city.Policies.Checkpoints],
                    Shift = shift.Name,
                }));
            }
        }

        var created = 0;
        foreach (var batch in plans.Chunk(Parallelism))
        {
            var results = await Task.WhenAll(batch.Select(p => GrainFactory.GetGrain<IInspectionGrain>(p.Key).Schedule(p.Plan)));
            created += results.Count(r => r.Applied && !r.Unchanged);
        }

        State.Days.Add(new ScheduledPatrolDay(localDate, created, now));
        State.Days.Sort((a, b) => a.Day.CompareTo(b.Day));
        if (State.Days.Count > DaysKept)
        {
            State.Days.RemoveRange(0, State.Days.Count - DaysKept);
        }

        await _state.WriteStateAsync();
        return created;
    }

    public Task<PatrolSchedulerStatus> GetStatus() => Task.FromResult(new PatrolSchedulerStatus
    {
        Started = State.Started,
        LastScheduledDay = State.Days.Count == 0 ? null : State.Days[^1].Day,
        Days = [.. State.Days],
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DailyReminder)
        {
            // The local day of now, not of the tick: after downtime, today's patrols matter, not a day gone by.
            await ScheduleDay(_city.LocalDate(TimeProvider.GetUtcNow()));
        }
    }

    /// <summary>AB岗: the primary worker when on duty, else the backup when they are; if neither, the primary (and a miss is theirs).</summary>
    private async Task<string> WorkerFor(StaffPost post, Dictionary<string, Task<bool>> duty)
    {
        if (await OnDuty(post.PrimaryWorkerId, duty) || post.BackupWorkerId is not { } backup)
        {
            return post.PrimaryWorkerId;
        }

        return await OnDuty(backup, duty) ? backup : post.PrimaryWorkerId;
    }

    private Task<bool> OnDuty(string workerId, Dictionary<string, Task<bool>> duty)
    {
        if (!duty.TryGetValue(workerId, out var onDuty))
        {
            onDuty = GrainFactory.GetGrain<IWorkerGrain>(workerId).IsOnDuty();
            duty[workerId] = onDuty;
        }

        return onDuty;
    }

    private DateTimeOffset Local(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _city.TimeZone), TimeSpan.Zero);
    }
}
