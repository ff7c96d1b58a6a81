using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Inspections;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Grains.Grids;

/// <summary>
/// One grid's live board (key: the 15-digit grid code). The ticket side is derived on activation from the ticket
/// catalog and then follows <see cref="TrackTicket"/>, so ticket changes cost no grid write; inspections of today are
/// persisted. Changes are gathered for <see cref="CityPolicies.BoardReportDelay"/> and then reported once to the
/// community board and published once as <see cref="GridChanged"/>. A timer at local midnight starts the new day.
/// </summary>
public sealed class GridGrain : Grain, IGridGrain
{
    /// <summary>How many lines the recent-events list keeps.</summary>
    public const int RecentEventLimit = 20;

    private readonly CityModel _city;
    private readonly ITicketCatalog _catalog;
    private readonly IDomainEventStream _events;
    private readonly IPersistentState<GridState> _state;
    private readonly Dictionary<string, InspectionSummary> _inspections = new(StringComparer.Ordinal);
    private readonly List<RecentEvent> _recent = [];
    private GridTally _tally = null!;
    private HotspotScore? _findingsHotspot;
    private long _epoch;
    private long _changes;
    private long _sequence;
    private IGrainTimer? _reportTimer;
    private IGrainTimer? _midnightTimer;
    private bool _deactivating;

    public GridGrain(
        CityModel city,
        ITicketCatalog catalog,
        IDomainEventStream events,
        [PersistentState("grid")] IPersistentState<GridState> state)
    {
        _city = city;
        _catalog = catalog;
        _events = events;
        _state = state;
    }

    private string Code => GetPrimaryKeyString();

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Grows with every change (not only every report), so a parent holding an older version is visibly behind.</summary>
    private long Version => BoardVersion.Of(_epoch, _changes);

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _deactivating = true;
        return Task.CompletedTask;
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _ = GridCode.Parse(Code);
        _epoch = _state.State.Epoch + 1;
        _state.State = _state.State with { Epoch = _epoch };
        await _state.WriteStateAsync(cancellationToken);

        var today = _city.LocalDate(Now);
        _tally = new GridTally(Code, _city, today);
        var tickets = _catalog.InGrid(Code);
        foreach (var summary in tickets)
        {
            _tally.Track(summary, out _);
        }

        // The recent-events list is not persisted: start it from the tickets that changed last.
        foreach (var summary in tickets.OrderByDescending(t => t.LastChangedAt).Take(RecentEventLimit))
        {
            _recent.Add(new RecentEvent(summary.LastChangedAt, "ticket", summary.Id, $"{summary.Status}: {summary.Title}"));
        }

        foreach (var inspection in _state.State.Inspections)
        {
            if (DayOf(inspection) >= today)
            {
                _inspections[inspection.Id] = inspection;
            }
        }

        _findingsHotspot = _state.State.FindingsHotspot;
        ArmMidnight();
        // The parent may hold a board from before a restart or from a catalog that has moved on since.
        MarkChanged();
    }

    public Task TrackTicket(TicketSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        CatchUpDay();
        // The catalog may already hold a newer revision than this (late) report: take the newest of the two.
        var newest = _catalog.Find(summary.Id) is { } cataloged && cataloged.Revision > summary.Revision ? cataloged : summary;
        if (!_tally.Track(newest, out var replaced))
        {
            return Task.CompletedTask;
        }

        var here = newest.GridCode == Code;
        var wasHere = replaced?.GridCode == Code;
        if (here && (!wasHere || replaced!.Status != newest.Status))
        {
            var text = wasHere ? $"{replaced!.Status} → {newest.Status}: {newest.Title}" : $"{newest.Status}: {newest.Title}";
            Remember(new RecentEvent(newest.LastChangedAt, "ticket", newest.Id, text));
        }
        else if (wasHere && !here)
        {
            Remember(new RecentEvent(newest.LastChangedAt, "ticket", newest.Id, $"moved to grid {newest.GridCode ?? "(none)"}: {newest.Title}"));
        }

        if (here || wasHere)
        {
            MarkChanged();
        }

        return Task.CompletedTask;
    }

    public async Task TrackInspection(InspectionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        CatchUpDay();
        if (summary.GridCode != Code || DayOf(summary) < _tally.Day)
        {
            return;
        }

        var known = _inspections.GetValueOrDefault(summary.Id);
        if (known is not null && known.Version >= summary.Version)
        {
            return;
        }

        var now = Now;
        var newFindings = summary.Findings - (known?.Findings ?? 0);
        if (newFindings > 0)
        {
            var halfLife = _city.Policies.HotspotHalfLife;
            _findingsHotspot = _findingsHotspot is null ? new HotspotScore(newFindings, now) : _findingsHotspot.Bump(now, halfLife, newFindings);
        }

        _inspections[summary.Id] = summary;
        _state.State = _state.State with { Inspections = [.. _inspections.Values], FindingsHotspot = _findingsHotspot };
        await _state.WriteStateAsync();

        if (known is null || known.Status != summary.Status)
        {
            var from = known is null ? "" : $"{known.Status} → ";
            Remember(new RecentEvent(now, summary.Kind == InspectionKind.Patrol ? "patrol" : "verification", summary.Id, $"{from}{summary.Status} ({summary.WorkerId})"));
        }

        if (newFindings > 0)
        {
            Remember(new RecentEvent(now, "finding", summary.Id, $"{newFindings} new finding(s) on patrol by {summary.WorkerId}"));
        }

        MarkChanged();
    }

    public Task<GridBoard> GetBoard()
    {
        CatchUpDay();
        var now = Now;
        var today = _tally.Day;
        return Task.FromResult(new GridBoard
        {
            GridCode = Code,
            Name = Name,
            Version = Version,
            Counters = Counters(),
            Hotspot = Hotspot(now).Value,
            OpenTickets = _tally.OpenTickets(),
            PatrolsToday = [.. _inspections.Values.Where(i => i.Kind == InspectionKind.Patrol && DayOf(i) == today).OrderBy(i => i.WindowStart).ThenBy(i => i.Id, StringComparer.Ordinal)],
            RecentEvents = [.. _recent],
            ReadAt = now,
        });
    }

    public Task<AreaChild> GetReport()
    {
        CatchUpDay();
        return Task.FromResult(Report(Now));
    }

    private string Name => BoardHierarchy.NameOf(_city.Territory, Code);

    private AreaChild Report(DateTimeOffset now) =>
        new(Code, Name, TerritoryLevel.Grid, Version, Counters(), Hotspot(now), _tally.BreachingNext());

    private BoardCounters Counters()
    {
        var today = _tally.Day;
        int scheduled = 0, completed = 0, missed = 0, findings = 0;
        foreach (var inspection in _inspections.Values)
        {
            if (DayOf(inspection) != today)
            {
                continue;
            }

            findings += inspection.Findings;
            if (inspection.Kind != InspectionKind.Patrol)
            {
                continue;
            }

            scheduled++;
            completed += inspection.Status == InspectionStatus.Completed ? 1 : 0;
            missed += inspection.Status == InspectionStatus.Missed ? 1 : 0;
        }

        return _tally.Counters() with
        {
            PatrolsScheduledToday = scheduled,
            PatrolsCompletedToday = completed,
            PatrolsMissedToday = missed,
            FindingsToday = findings,
        };
    }

    /// <summary>New tickets and patrol findings, decayed to <paramref name="now"/>.</summary>
    private HotspotScore Hotspot(DateTimeOffset now)
    {
        var halfLife = _city.Policies.HotspotHalfLife;
        var value = (_tally.Hotspot?.ValueAt(now, halfLife) ?? 0) + (_findingsHotspot?.ValueAt(now, halfLife) ?? 0);
        return new HotspotScore(value, now);
    }

    private DateOnly DayOf(InspectionSummary inspection) => _city.LocalDate(inspection.WindowStart);

    /// <summary>Inserts newest first (reports may arrive out of order) and keeps the list bounded.</summary>
    private void Remember(RecentEvent recent)
    {
        var index = _recent.FindIndex(e => e.At < recent.At);
        _recent.Insert(index < 0 ? _recent.Count : index, recent);
        if (_recent.Count > RecentEventLimit)
        {
            _recent.RemoveAt(_recent.Count - 1);
        }
    }

    /// <summary>Gathers changes: the first change arms a one-shot timer; everything until it fires rides on one report.</summary>
    private void MarkChanged()
    {
        _changes++;
        // Interleaving: while the report waits on the parent, calls from tickets (or children) are not held up behind it.
        _reportTimer ??= RegisterGrainTimer(Flush, new GrainTimerCreationOptions(_city.Policies.BoardReportDelay, Timeout.InfiniteTimeSpan, Interleave: true));
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        _reportTimer?.Dispose();
        _reportTimer = null;
        CatchUpDay();
        var now = Now;
        var report = Report(now);
        _events.Publish(new GridChanged(report) { Stream = DomainEvent.StreamOf("grid", Code), Sequence = ++_sequence, At = now });
        try
        {
            await GrainFactory.GetGrain<IAreaBoardGrain>(BoardHierarchy.ParentOf(Code)!).UpdateChild(report);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && !_deactivating)
        {
            // The parent did not take it (timeout): report again after the next delay. A grid that is going away does
            // not: its next activation rebuilds the board from the catalog and reports then.
            MarkChanged();
        }
    }

    private void ArmMidnight()
    {
        var now = Now;
        var due = BoardDay.NextMidnight(_city, now) - now;
        _midnightTimer?.Dispose();
        _midnightTimer = RegisterGrainTimer(OnMidnight, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
    }

    private Task OnMidnight(CancellationToken cancellationToken)
    {
        CatchUpDay();
        ArmMidnight();
        return Task.CompletedTask;
    }

    /// <summary>Starts the new local day if the clock has passed midnight (the timer may not have fired yet).</summary>
    private void CatchUpDay()
    {
        var today = _city.LocalDate(Now);
        if (today <= _tally.Day)
        {
            return;
        }

        _tally.StartDay(today);
        foreach (var old in _inspections.Values.Where(i => DayOf(i) < today).ToList())
        {
            _inspections.Remove(old.Id);
        }

        MarkChanged();
    }
}
