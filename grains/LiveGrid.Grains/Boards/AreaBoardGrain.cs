using LiveGrid.Grains.City;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Territory;
using LiveGrid.Runtime;
using LiveGrid.Runtime.State;
using LiveGrid.Runtime.Timers;

namespace LiveGrid.Grains.Boards;

/// <summary>
/// The live board of a community, street or district (key: its territory code) or of the city (key
/// <see cref="IAreaBoardGrain.CityKey"/>). Grids report to their community, communities to their street, streets to
/// their district and districts to the city, so supervisors get a board at every level they are assessed at. On
/// activation the board asks its own children (from the territory) for their reports; after that it only follows
/// <see cref="UpdateChild"/>, keeping the highest version per child. When the territory is replaced the child set is
/// reconciled at the next call: children that left are dropped, new ones are asked for their reports.
/// Changes are gathered for <see cref="CityPolicies.BoardReportDelay"/>, then reported up and published once.
/// </summary>
public sealed class AreaBoardGrain : Grain, IAreaBoardGrain
{
    private readonly CityModel _city;
    private readonly IDomainEventStream _events;
    private readonly IPersistentState<AreaBoardState> _state;
    private readonly Dictionary<string, AreaChild> _children = new(StringComparer.Ordinal);
    private CityTerritory _territory = null!;
    private long _epoch;
    private long _changes;
    private long _sequence;
    private IGrainTimer? _reportTimer;

    public AreaBoardGrain(CityModel city, IDomainEventStream events, [PersistentState("area")] IPersistentState<AreaBoardState> state)
    {
        _city = city;
        _events = events;
        _state = state;
    }

    private string Code => GetPrimaryKeyString();

    private DateTimeOffset Now => TimeProvider.GetUtcNow();

    /// <summary>Grows with every accepted child report, so it grows whenever any child's version grows.</summary>
    private long Version => BoardVersion.Of(_epoch, _changes);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (BoardHierarchy.LevelOf(Code) == TerritoryLevel.Grid)
        {
            throw new ArgumentException($"Area board key {Code} is a grid; grids are IGridGrain.");
        }

        _epoch = _state.State.Epoch + 1;
        _state.State = _state.State with { Epoch = _epoch };
        await _state.WriteStateAsync(cancellationToken);

        _territory = _city.Territory;
        await AskChildren(BoardHierarchy.ChildrenOf(_territory, Code));
        MarkChanged();
    }

    public async Task UpdateChild(AreaChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        await ReconcileTerritory();
        if (BoardHierarchy.ParentOf(child.Code) != Code)
        {
            return;
        }

        if (Accept(child))
        {
            MarkChanged();
        }
    }

    public async Task<AreaBoard> GetBoard()
    {
        await ReconcileTerritory();
        var now = Now;
        return new AreaBoard
        {
            Code = Code,
            Name = Name,
            Level = BoardHierarchy.LevelOf(Code),
            Version = Version,
            Counters = Counters(now),
            Hotspot = Hotspot(now).Value,
            Children = [.. _children.Values.OrderBy(c => c.Code, StringComparer.Ordinal)],
            BreachingNext = BreachingNext(),
            ReadAt = now,
        };
    }

    public async Task<AreaChild> GetReport()
    {
        await ReconcileTerritory();
        return Report(Now);
    }

    private string Name => BoardHierarchy.NameOf(_city.Territory, Code);

    // AreaChild needs a level; the city has none, and its report is known by its code "city".
    private AreaChild Report(DateTimeOffset now) =>
        new(Code, Name, BoardHierarchy.LevelOf(Code) ?? TerritoryLevel.District, Version, Counters(now), Hotspot(now), BreachingNext());

    private BoardCounters Counters(DateTimeOffset now)
    {
        // Summed for today: a child still on yesterday adds only its live counters.
        var counters = BoardCounters.Empty(_city.LocalDate(now));
        foreach (var child in _children.Values)
        {
            counters = counters.Add(child.Counters);
        }

        return counters;
    }

    private HotspotScore Hotspot(DateTimeOffset now)
    {
        var halfLife = _city.Policies.HotspotHalfLife;
        return new HotspotScore(_children.Values.Sum(c => c.Hotspot.ValueAt(now, halfLife)), now);
    }

    private List<BreachCandidate> BreachingNext() =>
    [
        .. _children.Values
            .SelectMany(c => c.BreachingNext)
            .OrderBy(b => b.Deadline)
            .ThenBy(b => b.TicketId, StringComparer.Ordinal)
            .Take(GridTally.BreachListSize),
    ];

    private bool Accept(AreaChild child)
    {
        if (_children.TryGetValue(child.Code, out var known) && known.Version >= child.Version)
        {
            return false;
        }

        _children[child.Code] = child;
        _changes++;
        return true;
    }

    /// <summary>Asks each child for its report (GetReport interleaves, so a child busy reporting to us still answers).</summary>
    private async Task AskChildren(IReadOnlyList<string> codes)
    {
        var reports = await Task.WhenAll(codes.Select(AskChild));
        foreach (var report in reports)
        {
            if (report is not null)
            {
                Accept(report);
            }
        }
    }

    /// <summary>One child's report, or null when it cannot answer now: it reports on its own once it can.</summary>
    private async Task<AreaChild?> AskChild(string code)
    {
        try
        {
            return BoardHierarchy.LevelOf(code) == TerritoryLevel.Grid
                ? await GrainFactory.GetGrain<IGridGrain>(code).GetReport()
                : await GrainFactory.GetGrain<IAreaBoardGrain>(code).GetReport();
        }
        catch (Exception)
        {
            // One failing child must not keep the whole area (and everything above it) from activating.
            return null;
        }
    }

    /// <summary>After a territory import: drop children that are no longer below this area, ask the new ones.</summary>
    private async Task ReconcileTerritory()
    {
        var territory = _city.Territory;
        if (ReferenceEquals(territory, _territory))
        {
            return;
        }

        _territory = territory;
        var expected = BoardHierarchy.ChildrenOf(territory, Code);
        var keep = expected.ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _children.Keys.Where(code => !keep.Contains(code)).ToList())
        {
            _children.Remove(gone);
        }

        await AskChildren([.. expected.Where(code => !_children.ContainsKey(code))]);
        _changes++;
        MarkChanged();
    }

    private void MarkChanged()
    {
        // Interleaving: while the report waits on the parent, calls from tickets (or children) are not held up behind it.
        _reportTimer ??= RegisterGrainTimer(Flush, new GrainTimerCreationOptions(_city.Policies.BoardReportDelay, Timeout.InfiniteTimeSpan, Interleave: true));
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        _reportTimer?.Dispose();
        _reportTimer = null;
        var now = Now;
        var report = Report(now);
        _events.Publish(new AreaChanged(report) { Stream = DomainEvent.StreamOf("area", Code), Sequence = ++_sequence, At = now });
        if (BoardHierarchy.ParentOf(Code) is not { } parent)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<IAreaBoardGrain>(parent).UpdateChild(report);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The parent did not take it (timeout, shutting down): report again after the next delay.
            MarkChanged();
        }
    }
}
