using System.Diagnostics;
using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LiveGrid.Grains.Tests.Properties;

/// <summary>
/// One seeded random run of hotline work on the test city's silo, and the recount check. Every random choice comes
/// from the seed, so a failure replays; every assertion names the seed and the step.
/// </summary>
internal sealed class RandomRun : IAsyncDisposable
{
    private readonly TestSilo _silo;
    private readonly Random _random;
    private readonly ITestOutputHelper _output;
    private readonly CityModel _city;
    private readonly ITicketCatalog _catalog;
    private readonly List<string> _ids = [];
    private readonly HashSet<DateOnly> _days = [];
    private int _step;
    private TimeSpan _actionTime;
    private TimeSpan _clockTime;

    private RandomRun(TestSilo silo, int seed, ITestOutputHelper output)
    {
        _silo = silo;
        Seed = seed;
        _random = new Random(seed);
        _output = output;
        _city = silo.Services.GetRequiredService<CityModel>();
        _catalog = silo.Services.GetRequiredService<ITicketCatalog>();
        Start = silo.Time.GetUtcNow();
        _days.Add(_city.LocalDate(Start));
    }

    public int Seed { get; }

    public ActionTally Tally { get; } = new();

    public DateTimeOffset Start { get; }

    public DateTimeOffset Now => _silo.Time.GetUtcNow();

    public int TicketCount => _ids.Count;

    /// <summary>How many local dates the run has seen.</summary>
    public int Days => _days.Count;

    /// <summary>Where the run's wall time went, for keeping the test fast.</summary>
    public string Timing => $"actions {_actionTime.TotalSeconds:0.0} s, clock {_clockTime.TotalSeconds:0.0} s";

    /// <summary>The silo's grains, for checks that read the tickets themselves (the KPI agreement).</summary>
    public IGrainFactory GrainFactory => _silo.GrainFactory;

    public CityModel City => _city;

    private string Context => $"seed {Seed}, step {_step}";

    private IGrainFactory Grains => _silo.GrainFactory;

    /// <summary>A Monday morning in Shanghai, so working-day limits, evenings and weekends all come up.</summary>
    public static async Task<RandomRun> StartAsync(int seed, ITestOutputHelper output) =>
        new(await TestCity.StartSiloAsync(ShanghaiTime.At("2026-11-23 08:30")), seed, output);

    public async Task PlayAsync(int steps, int idleAt)
    {
        for (_step = 0; _step < steps; _step++)
        {
            if (_step == idleAt)
            {
                await IdleUntilGridsAreCollectedAsync();
                await CheckAsync("after the grids were collected and rebuilt from the catalog");
            }

            var roll = _random.NextDouble();
            var started = Stopwatch.GetTimestamp();
            if (roll < 0.18 || _ids.Count < 5)
            {
                await ReceiveAsync();
            }
            else if (roll < 0.74)
            {
                await ActAsync();
            }
            else if (roll < 0.81)
            {
                await StaleVersionAsync();
            }
            else if (roll < 0.87)
            {
                await IllegalActionAsync();
            }
            else if (roll < 0.93)
            {
                await BurstAsync();
            }
            else
            {
                await AdvanceClockAsync();
                _clockTime += Stopwatch.GetElapsedTime(started);
                continue;
            }

            _actionTime += Stopwatch.GetElapsedTime(started);
        }
    }

    // ---- actions ------------------------------------------------------------------------------------------------------

    private async Task ReceiveAsync()
    {
        var id = await Grains.GetGrain<ITicketNumberGrain>(TicketNumberGrain.KeyFor(_city.LocalDate(Now))).Next();
        var grid = _random.Next(1, 5);
        var (lon, lat) = TestCity.Centre(grid);
        var category = RandomTicketActions.Pick(_random, _city.Categories).Code;
        var near = _random.NextDouble() < 0.25 ? OpenTicketNearby() : null;
        var intake = new TicketIntake
        {
            ReceivedBy = RandomTicketActions.Operator,
            Description = $"随机工单 {_ids.Count}",
            Address = $"测试路{_random.Next(1, 200)}号",
        };
        if (near is { Longitude: { } nearLon, Latitude: { } nearLat, Category: { } nearCategory })
        {
            // A few metres from an open ticket of the same category: the grain should suspect a duplicate.
            intake = intake with { Longitude = nearLon + 0.00005, Latitude = nearLat, Category = nearCategory };
        }
        else if (_random.NextDouble() < 0.6)
        {
            intake = intake with { Longitude = lon + ((_random.NextDouble() - 0.5) * 0.008), Latitude = lat + ((_random.NextDouble() - 0.5) * 0.008), Category = category };
        }
        else
        {
            intake = intake with { GridCode = TestCity.Grids[grid - 1], Category = category };
        }

        // Mostly classified at intake; some wait for the operator's Classify.
        intake = _random.NextDouble() < 0.85
            ? intake with { Priority = RandomTicketActions.Pick(_random, Enum.GetValues<Priority>()), Kind = RandomTicketActions.Pick(_random, Enum.GetValues<RequestKind>()) }
            : intake with { Category = null };

        var result = await Grains.GetGrain<ITicketGrain>(id).Receive(intake);
        result.Applied.Should().BeTrue($"{Context}: receiving {id} ({result.Rejection?.Message})");
        _ids.Add(id);
        Tally.Add("receive");
        if (result.View!.Summary.SuspectedDuplicateOf is not null)
        {
            Tally.Add("duplicate suspected");
        }
    }

    private TicketSummary? OpenTicketNearby()
    {
        var open = _ids.Select(_catalog.Find).Where(s => s is { IsOpen: true, Longitude: not null, Category: not null }).ToList();
        return open.Count == 0 ? null : open[_random.Next(open.Count)];
    }

    /// <summary>An allowed action on a random ticket, at the version its view showed.</summary>
    private async Task ActAsync()
    {
        var (grain, view) = await RandomTicketAsync(open: true);
        if (view is null)
        {
            return;
        }

        var kind = RandomTicketActions.PickKind(_random, [.. view.AllowedActions.Where(k => k is not (TicketActionKind.AddDuplicate or TicketActionKind.AttachEvidence))]);
        var action = RandomTicketActions.Make(_random, _city, view, kind, MergeTarget);
        var result = await grain.Execute(action, view.Summary.Version);
        result.VersionConflict.Should().BeFalse($"{Context}: nobody else acted on {view.Summary.Id}");
        if (result.Applied)
        {
            Tally.Add($"applied {kind}");
            return;
        }

        // Allowed by the lifecycle yet refused by a check on its content (routing, extension cap, merge target, note).
        Tally.Add($"refused {kind}");
        await ShouldBeUnchangedAsync(grain, view.Summary, $"{kind} was refused: {result.Rejection?.Message}");
    }

    /// <summary>An action sent with a version someone else has already moved past: a conflict, and nothing changes.</summary>
    private async Task StaleVersionAsync()
    {
        var (grain, view) = await RandomTicketAsync(open: true);
        if (view is null || view.AllowedActions.Count == 0)
        {
            return;
        }

        var kind = RandomTicketActions.PickKind(_random, [.. view.AllowedActions.Where(k => k is not (TicketActionKind.AddDuplicate or TicketActionKind.AttachEvidence))]);
        var action = RandomTicketActions.Make(_random, _city, view, kind, MergeTarget);
        var stale = view.Summary.Version - 1 - _random.Next(0, Math.Max(1, view.Summary.Version - 1));
        var result = await grain.Execute(action, stale);
        result.Applied.Should().BeFalse($"{Context}: {kind} at stale version {stale} (now {view.Summary.Version})");
        result.VersionConflict.Should().BeTrue($"{Context}: {kind} at stale version {stale} (now {view.Summary.Version})");
        Tally.Add("stale version");
        await ShouldBeUnchangedAsync(grain, view.Summary, "a stale version was refused");
    }

    /// <summary>An action the ticket's status does not allow: refused, and nothing changes.</summary>
    private async Task IllegalActionAsync()
    {
        var (grain, view) = await RandomTicketAsync(open: false);
        if (view is null)
        {
            return;
        }

        var illegal = RandomTicketActions.Requestable.Except(view.AllowedActions).ToList();
        var kind = RandomTicketActions.Pick(_random, illegal);
        var action = RandomTicketActions.Make(_random, _city, view, kind, MergeTarget);
        var result = await grain.Execute(action, _random.NextDouble() < 0.5 ? view.Summary.Version : null);
        result.Applied.Should().BeFalse($"{Context}: {kind} is not allowed on a {view.Summary.Status} ticket {view.Summary.Id}");
        result.VersionConflict.Should().BeFalse($"{Context}: {kind} at the current version");
        result.Rejection.Should().NotBeNull($"{Context}: a refusal says why");
        Tally.Add("illegal");
        await ShouldBeUnchangedAsync(grain, view.Summary, $"illegal {kind} was refused");
    }

    /// <summary>Several allowed actions on different tickets at once.</summary>
    private async Task BurstAsync()
    {
        var size = _random.Next(2, 7);
        var chosen = new List<(ITicketGrain Grain, TicketAction Action, TicketActionKind Kind)>();
        foreach (var id in _ids.OrderBy(_ => _random.Next()).Take(size * 2))
        {
            var grain = Grains.GetGrain<ITicketGrain>(id);
            var view = await grain.Get();
            var allowed = view!.AllowedActions.Where(k => k is not (TicketActionKind.AddDuplicate or TicketActionKind.AttachEvidence or TicketActionKind.MergeInto)).ToList();
            if (allowed.Count == 0)
            {
                continue;
            }

            var kind = RandomTicketActions.PickKind(_random, allowed);
            chosen.Add((grain, RandomTicketActions.Make(_random, _city, view, kind, MergeTarget), kind));
            if (chosen.Count == size)
            {
                break;
            }
        }

        var results = await Task.WhenAll(chosen.Select(c => c.Grain.Execute(c.Action)));
        for (var i = 0; i < results.Length; i++)
        {
            Tally.Add(results[i].Applied ? $"applied {chosen[i].Kind}" : $"refused {chosen[i].Kind}");
        }

        Tally.Add("burst");
    }

    /// <summary>Minutes mostly, sometimes hours, now and then days: thresholds, supervision steps and midnights pass.</summary>
    private async Task AdvanceClockAsync()
    {
        var roll = _random.NextDouble();
        var by = roll < 0.65 ? TimeSpan.FromMinutes(_random.Next(1, 90))
            : roll < 0.95 ? TimeSpan.FromMinutes(_random.Next(2 * 60, 12 * 60))
            : TimeSpan.FromMinutes(_random.Next(24 * 60, 2 * 24 * 60));
        await _silo.Time.AdvanceSettledAsync(_silo.Runtime, Now + by);
        _days.Add(_city.LocalDate(Now));
        Tally.Add("clock advance");
    }

    /// <summary>
    /// No calls, minute by minute, until every grid has been collected as idle at some point (a ticket's reminder may
    /// wake one up again before the others go); the next report activates it again, deriving its board from the
    /// catalog. Collection follows the manual clock, so how long this takes is part of the seed's reproducible run.
    /// </summary>
    private async Task IdleUntilGridsAreCollectedAsync()
    {
        var grids = TestCity.Grids.ToDictionary(code => code, code => Grains.GetGrain<IGridGrain>(code).GetGrainId());
        var collected = new HashSet<string>(StringComparer.Ordinal);
        var idleSince = Now;
        for (var minute = 0; minute < 2 * 24 * 60 && collected.Count < grids.Count; minute++)
        {
            await _silo.Time.AdvanceSettledAsync(_silo.Runtime, Now + TimeSpan.FromMinutes(1));
            collected.UnionWith(grids.Where(pair => !_silo.Runtime.IsActive(pair.Value)).Select(pair => pair.Key));
        }

        collected.Should().BeEquivalentTo(TestCity.Grids, $"{Context}: an idle grid is collected after the collection age (15 minutes)");

        // Collection can lag the clock by a step; going on at the next whole hour keeps the rest of the run the same.
        var idleFor = Now - idleSince;
        await _silo.Time.AdvanceSettledAsync(_silo.Runtime, idleSince + TimeSpan.FromHours(Math.Ceiling(idleFor.TotalHours + 0.25)));
        _days.Add(_city.LocalDate(Now));
        Tally.Add("grids collected");
    }

    private string MergeTarget(TicketView view)
    {
        if (view.Summary.SuspectedDuplicateOf is { } suspected && _random.NextDouble() < 0.8)
        {
            return suspected;
        }

        var sameCategory = _ids.Select(_catalog.Find)
            .Where(s => s is { IsOpen: true } && s.Id != view.Summary.Id && s.Category == view.Summary.Category)
            .ToList();
        return sameCategory.Count > 0 && _random.NextDouble() < 0.9
            ? sameCategory[_random.Next(sameCategory.Count)]!.Id
            : RandomTicketActions.Pick(_random, _ids);
    }

    private async Task<(ITicketGrain Grain, TicketView? View)> RandomTicketAsync(bool open)
    {
        // Open tickets are where the actions are; terminal ones still take (and refuse) illegal actions.
        var candidates = open ? _ids.Where(id => _catalog.Find(id) is { IsOpen: true }).ToList() : _ids;
        if (candidates.Count == 0)
        {
            return (null!, null);
        }

        var grain = Grains.GetGrain<ITicketGrain>(RandomTicketActions.Pick(_random, candidates));
        return (grain, await grain.Get());
    }

    private async Task ShouldBeUnchangedAsync(ITicketGrain grain, TicketSummary before, string why)
    {
        var after = await grain.GetSummary();
        after.Should().BeEquivalentTo(before, $"{Context}: {why}, so ticket {before.Id} is as it was");
    }

    // ---- the check ----------------------------------------------------------------------------------------------------

    /// <summary>Lets every report travel up, then compares every board with a recount of the ticket grains' summaries.</summary>
    public async Task CheckAsync(string when)
    {
        // The run goes on at a fixed instant after the check, however long the reports took to settle.
        var resumeAt = Now + TimeSpan.FromMinutes(1);
        await _silo.Time.AdvanceSettledAsync(_silo.Runtime, Now + TimeSpan.FromSeconds(10));
        await _silo.SettleAsync();
        var day = _city.LocalDate(Now);
        var because = $"seed {Seed}, step {_step}, {when} ({ShanghaiTime.Show(Now)})";

        var summaries = new List<TicketSummary>(_ids.Count);
        var terminalAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var id in _ids)
        {
            var grain = Grains.GetGrain<ITicketGrain>(id);
            var summary = (await grain.GetSummary())!;
            summaries.Add(summary);
            _catalog.Find(id).Should().BeEquivalentTo(summary, $"{because}: the catalog holds ticket {id}'s current summary");
            if (!summary.IsOpen)
            {
                var trail = await grain.GetAuditTrail();
                terminalAt[id] = trail.Last(t => t.To is TicketStatus.Closed or TicketStatus.Merged && t.From != t.To).At;
                continue;
            }

            await ShouldAgeAsItsClockReads(grain, summary, because);
        }

        foreach (var code in TestCity.Grids)
        {
            var board = await Grains.GetGrain<IGridGrain>(code).GetBoard();
            var mine = summaries.Where(s => s.GridCode == code).ToList();
            board.Counters.Should().BeEquivalentTo(TicketRecount.Of(_city, day, mine, terminalAt), $"{because}: grid {code} equals a recount of its tickets");
            board.OpenTickets.Select(t => t.Id).Should().BeEquivalentTo(mine.Where(s => s.IsOpen).Select(s => s.Id), $"{because}: grid {code} lists its open tickets");
        }

        summaries.Should().OnlyContain(s => s.GridCode != null, $"{because}: every intake names a place inside a grid");
        var areas = new (string Key, Func<TicketSummary, bool> Holds)[]
        {
            (TestCity.Community1, s => s.GridCode!.StartsWith(TestCity.Community1, StringComparison.Ordinal)),
            (TestCity.Community2, s => s.GridCode!.StartsWith(TestCity.Community2, StringComparison.Ordinal)),
            (TestCity.Street, _ => true),
            (TestCity.District, _ => true),
            (IAreaBoardGrain.CityKey, _ => true),
        };
        foreach (var (key, holds) in areas)
        {
            var board = await Grains.GetGrain<IAreaBoardGrain>(key).GetBoard();
            board.Counters.Should().BeEquivalentTo(TicketRecount.Of(_city, day, summaries.Where(holds), terminalAt), $"{because}: area {key} equals the recount of its grids' tickets");
        }

        Now.Should().BeBefore(resumeAt, $"{because}: the reports settle within a minute");
        await _silo.Time.AdvanceSettledAsync(_silo.Runtime, resumeAt);
        var city = await Grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard();
        _output.WriteLine($"seed {Seed} step {_step} {when}: {summaries.Count} tickets, open {city.Counters.Open}, overdue {city.Counters.Overdue}, " +
            $"suspended {city.Counters.Suspended}, supervised {city.Counters.Supervised}, escalated {city.Counters.Escalated}, closed today {city.Counters.ClosedToday}");
    }

    /// <summary>The summary's bucket is the one its running aging clock reads now (the reminders kept it current).</summary>
    private static async Task ShouldAgeAsItsClockReads(ITicketGrain grain, TicketSummary summary, string because)
    {
        if (summary.AgingStage is not { } stage || summary.IsSuspended)
        {
            return;
        }

        var view = (await grain.Get())!;
        var clock = view.Clocks.Single(c => c.Stage == stage && c.IsRunning);
        summary.Bucket.Should().Be(clock.Bucket, $"{because}: ticket {summary.Id}'s {stage} clock reads {clock.UsedFraction:P0} used, deadline {ShanghaiTime.Show(clock.Deadline)}");
    }

    public ValueTask DisposeAsync() => _silo.DisposeAsync();
}
