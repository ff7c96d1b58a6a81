using System.Globalization;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Demo;

/// <summary>
/// Plans a week of hotline tickets ending at <c>now</c>: intakes spread over the days (busier by day than at night),
/// and for each ticket the dated actions that happened so far. Most tickets went the whole loop to 结案; about one in
/// eight stops at some stage (so every stage has open tickets, and the old ones among them are overdue); a few were
/// returned and re-dispatched, extended, suspended, sent to rework, verified, or closed without a callback.
/// </summary>
internal sealed class DemoHistory(DemoCity demo, CityModel city, DateTimeOffset now, DemoLoadOptions options)
{
    private static readonly TicketActor[] Operators =
    [
        new("op01", ActorRole.HotlineOperator, "话务员 王静"), new("op02", ActorRole.HotlineOperator, "话务员 李娜"),
        new("op03", ActorRole.HotlineOperator, "话务员 张敏"), new("op04", ActorRole.HotlineOperator, "话务员 刘洋"),
        new("op05", ActorRole.HotlineOperator, "话务员 陈晨"), new("op06", ActorRole.HotlineOperator, "话务员 赵雪"),
    ];

    private static readonly TicketActor[] Dispatchers =
    [
        new("pd01", ActorRole.Dispatcher, "派单员 孙丽"), new("pd02", ActorRole.Dispatcher, "派单员 周强"), new("pd03", ActorRole.Dispatcher, "派单员 吴婷"),
    ];

    private static readonly TicketActor Inspector = new("hc01", ActorRole.Inspector, "核查员 郑凯");

    /// <summary>Where a ticket stops (open), or null when it goes the whole way.</summary>
    private enum Stop
    {
        Received,
        Classified,
        Dispatched,
        Returned,
        Accepted,
        Suspended,
        OnSite,
        Resolved,
        CalledBack,
    }

    public IReadOnlyList<DemoTicketPlan> Plan()
    {
        var random = new Random(options.Seed ^ 0x2B7E1516);
        var start = now - TimeSpan.FromDays(options.Days);
        var latest = now - TimeSpan.FromMinutes(2);
        var times = new List<DateTimeOffset>(options.Days * options.TicketsPerDay);
        while (times.Count < options.Days * options.TicketsPerDay)
        {
            var at = start + ((latest - start) * random.NextDouble());
            var hour = TimeZoneInfo.ConvertTime(at, city.TimeZone).Hour;
            var weight = hour switch { < 7 => 0.12, < 9 => 0.7, < 21 => 1.0, _ => 0.35 };
            if (random.NextDouble() < weight)
            {
                times.Add(new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
            }
        }

        times.Sort();
        return [.. times.Select(at => Ticket(random, at))];
    }

    private DemoTicketPlan Ticket(Random random, DateTimeOffset receivedAt)
    {
        var grid = demo.GridCodes[random.Next(demo.GridCodes.Count)];
        var point = demo.PointIn(grid, random);
        var address = demo.Address(grid, random);
        var (category, kind, description) = DemoProblems.Pick(random, address[3..]);
        var priority = random.Next(100) < (category == DefaultCategoryCodes.Utilities ? 30 : 7) ? Priority.Urgent : Priority.Normal;
        var age = now - receivedAt;
        var stop = PickStop(random, age);
        var intake = new TicketIntake
        {
            ReceivedBy = Operators[random.Next(Operators.Length)],
            At = receivedAt,
            Source = random.Next(100) < 85 ? TicketSource.Hotline : TicketSource.Online,
            CallerName = DemoNames.Surnames[random.Next(DemoNames.Surnames.Length)] + (random.Next(2) == 0 ? "先生" : "女士"),
            CallerPhone = DemoNames.PhonePrefixes[random.Next(DemoNames.PhonePrefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000", CultureInfo.InvariantCulture),
            Description = description,
            Address = address,
            Longitude = point.Longitude,
            Latitude = point.Latitude,
            Category = stop == Stop.Received ? null : category,
            Priority = stop == Stop.Received ? null : priority,
            Kind = stop == Stop.Received ? null : kind,
        };

        var actions = new Timeline(receivedAt, now - TimeSpan.FromMinutes(1));
        if (stop != Stop.Received && stop != Stop.Classified)
        {
            Handle(random, actions, grid, category, kind, priority, stop);
        }

        return new DemoTicketPlan(receivedAt, intake, actions.Actions);
    }

    private static Stop? PickStop(Random random, TimeSpan age)
    {
        // Tickets of the last hours are still moving; a share of every day's tickets is stuck somewhere.
        if (age < TimeSpan.FromHours(3) && random.Next(5) == 0)
        {
            return Stop.Received;
        }

        return random.Next(1000) switch
        {
            < 10 => Stop.Classified,
            < 35 => Stop.Dispatched,
            < 45 => Stop.Returned,
            < 75 => Stop.Accepted,
            < 90 => Stop.Suspended,
            < 110 => Stop.OnSite,
            < 125 => Stop.Resolved,
            < 135 => Stop.CalledBack,
            _ => null,
        };
    }

    private void Handle(Random random, Timeline line, string grid, string category, RequestKind kind, Priority priority, Stop? stop)
    {
        var urgent = priority == Priority.Urgent;
        var dispatcher = Dispatchers[random.Next(Dispatchers.Length)];
        var route = city.Route(grid, category, out _);
        if (route is null)
        {
            return;
        }

        var unit = route.Unit;
        var handler = Handler(unit, route.Post?.PrimaryWorkerId);
        var dispatchDelay = random.Next(100) < 3 ? Hours(random, 25, 40) : urgent ? Minutes(random, 3, 30) : Minutes(random, 10, 180);
        if (!line.Add(dispatchDelay, at => new Dispatch(dispatcher, at, string.Empty)))
        {
            return;
        }

        if (stop == Stop.Returned || random.Next(100) < 4)
        {
            if (!line.Add(Minutes(random, 30, 300), at => new Return(handler, at, "经核实不属于本单位职责范围，请改派")) || stop == Stop.Returned)
            {
                return;
            }

            unit = Alternative(unit, grid);
            handler = Handler(unit, null);
            if (!line.Add(Minutes(random, 20, 120), at => new Redispatch(dispatcher, at, unit.Id, Note: "改派至" + unit.Name)))
            {
                return;
            }
        }

        if (stop == Stop.Dispatched)
        {
            return;
        }

        var level = unit.Kind switch
        {
            UnitKind.Grid => ResolutionLevel.Grid,
            UnitKind.Community => ResolutionLevel.Community,
            UnitKind.Street => ResolutionLevel.Street,
            _ => ResolutionLevel.District,
        };
        if (!Work(random, line, handler, dispatcher, kind, category, urgent, level, stop, firstRound: true))
        {
            return;
        }

        var callBacker = Operators[random.Next(Operators.Length)];
        if (stop is null && random.Next(100) < 4)
        {
            line.Add(Hours(random, 1, 12), at => new Verify(Inspector, at, Passed: true, "核查属实，问题已解决"));
            return;
        }

        if (stop is null && random.Next(100) < 5)
        {
            line.Add(Hours(random, 1, 10), at => new Close(callBacker, at, "市民表示无需回访"));
            return;
        }

        var rework = stop is null && random.Next(100) < 4;
        var rating = rework ? CallbackRating.Unsatisfied : random.Next(100) < 80 ? CallbackRating.Satisfied : CallbackRating.BasicallySatisfied;
        if (!line.Add(Hours(random, 1, 6), at => new CallBack(callBacker, at, rating, rework ? "市民表示问题依旧" : null)))
        {
            return;
        }

        if (rework)
        {
            if (!line.Add(Minutes(random, 10, 120), at => new Rework(dispatcher, at, "回访不满意：市民反映问题未解决", ReworkSource.UnsatisfiedCallback))
                || !Work(random, line, handler, dispatcher, kind, category, urgent, level, stop: null, firstRound: false)
                || !line.Add(Hours(random, 2, 20), at => new CallBack(callBacker, at, CallbackRating.BasicallySatisfied)))
            {
                return;
            }
        }

        if (stop != Stop.CalledBack)
        {
            line.Add(Minutes(random, 5, 60), at => new Close(callBacker, at));
        }
    }

    /// <summary>签收, perhaps 延期 or 停止计时, 到场, 办结; false when the ticket stops before it is resolved.</summary>
    private static bool Work(
        Random random, Timeline line, TicketActor handler, TicketActor dispatcher, RequestKind kind, string category, bool urgent,
        ResolutionLevel level, Stop? stop, bool firstRound)
    {
        if (!line.Add(urgent ? Minutes(random, 2, 30) : Minutes(random, 5, 90), at => new Accept(handler, at)))
        {
            return false;
        }

        if (firstRound && random.Next(100) < 4)
        {
            var approved = random.Next(100) < 85;
            if (!line.Add(Hours(random, 1, 8), at => new RequestExtension(handler, at, "3wd", "需协调产权单位共同处理"))
                || !line.Add(Hours(random, 1, 4), at => new DecideExtension(dispatcher, at, approved, approved ? "同意延期" : "不予延期，请按时办结")))
            {
                return false;
            }
        }

        if (stop == Stop.Suspended || (firstRound && random.Next(100) < 3))
        {
            if (!line.Add(Hours(random, 1, 6), at => new Suspend(handler, at, "等待市民提供补充材料")) || stop == Stop.Suspended)
            {
                return false;
            }

            if (!line.Add(Hours(random, 4, 30), at => new Resume(handler, at, "材料已补齐，恢复计时")))
            {
                return false;
            }
        }

        if (stop == Stop.Accepted)
        {
            return false;
        }

        if (kind != RequestKind.Inquiry && !line.Add(urgent ? Minutes(random, 10, 45) : Minutes(random, 20, 180), at => new ArriveOnSite(handler, at)))
        {
            return false;
        }

        if (stop == Stop.OnSite)
        {
            return false;
        }

        var quick = category is DefaultCategoryCodes.ExposedRubbish or DefaultCategoryCodes.DirtyRoad;
        // 东城区 closes a case in 6.5 hours on average; a few drag on for days.
        var roll = random.Next(100);
        var resolveDelay = roll < 5 ? Hours(random, 72, 200)
            : quick || urgent ? Minutes(random, 30, 240)
            : roll < 20 ? Hours(random, 12, 48)
            : Hours(random, 1, 8);
        return line.Add(resolveDelay, at => new Resolve(handler, at, DemoProblems.ResolutionNote(UnitOf(level)), level)) && stop != Stop.Resolved;
    }

    private TicketActor Handler(ResponsibleUnit unit, string? workerId)
    {
        if (unit.Kind == UnitKind.Grid && workerId is not null && city.Territory.FindWorker(workerId) is { } worker)
        {
            return new TicketActor(worker.Id, ActorRole.GridWorker, worker.Name);
        }

        return new TicketActor("handler:" + unit.Id, ActorRole.UnitHandler, unit.Name);
    }

    /// <summary>Where a returned ticket is re-dispatched (改派): one level up, or the street for a department.</summary>
    private ResponsibleUnit Alternative(ResponsibleUnit unit, string grid)
    {
        var code = Territory.GridCode.Parse(grid);
        var id = unit.Kind switch
        {
            UnitKind.Grid => ResponsibleUnit.CommunityUnitId(code.CommunityCode.Value),
            UnitKind.Community => ResponsibleUnit.StreetUnitId(code.StreetCode.Value),
            UnitKind.Street => ResponsibleUnit.CommunityUnitId(code.CommunityCode.Value),
            _ => ResponsibleUnit.StreetUnitId(code.StreetCode.Value),
        };
        return city.Territory.FindUnit(id) ?? unit;
    }

    private static UnitKind UnitOf(ResolutionLevel level) => level switch
    {
        ResolutionLevel.Grid => UnitKind.Grid,
        ResolutionLevel.Community => UnitKind.Community,
        ResolutionLevel.Street => UnitKind.Street,
        _ => UnitKind.Department,
    };

    private static TimeSpan Minutes(Random random, int min, int max) => TimeSpan.FromMinutes(random.Next(min, max + 1)) + TimeSpan.FromSeconds(random.Next(60));

    private static TimeSpan Hours(Random random, int min, int max) => TimeSpan.FromMinutes(random.Next(min * 60, (max * 60) + 1));

    /// <summary>The actions so far, each after the one before; an action that would lie after the end is not taken.</summary>
    private sealed class Timeline(DateTimeOffset start, DateTimeOffset end)
    {
        private DateTimeOffset cursor = start;

        public List<TicketAction> Actions { get; } = [];

        public bool Add(TimeSpan delay, Func<DateTimeOffset, TicketAction> action)
        {
            if (cursor + delay > end)
            {
                return false;
            }

            cursor += delay;
            Actions.Add(action(cursor));
            return true;
        }
    }
}
