using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Events;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Live;

/// <summary>
/// What a city or area scope sends: instead of every domain event (each with a full ticket summary, to every
/// dashboard), the notifier folds the scope's events here and once per frame takes the latest state of what changed:
/// the scope's board, its areas and grids, and the tickets the board shows (see <see cref="BoardDelta.Tickets"/>).
/// Between frames it keeps which tickets are overdue (to say when one leaves the list) and every "breaching next"
/// candidate in deadline order (to say who enters the list when a member leaves it).
/// </summary>
/// <remarks>The notifier's router folds (one thread), the frame pump takes and hub calls read the list: one lock.</remarks>
internal sealed class BoardScope
{
    /// <summary>Changed tickets a frame carries for the feed whatever else they are: the board shows the last 8.</summary>
    public const int FeedLength = 8;

    /// <summary>Length of "breaching next" (the board shows 13).</summary>
    public const int BreachingLength = 13;

    private readonly Lock _lock = new();
    private readonly string _boardCode;

    // Since the last frame: latest per ticket (by revision) with the order of its last change and whether a list needs it.
    private readonly Dictionary<string, Change> _tickets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AreaChild> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AreaChild> _grids = new(StringComparer.Ordinal);
    private AreaChild? _board;
    private DateTimeOffset? _earliest;
    private long _order;

    // Across frames.
    private readonly HashSet<string> _overdue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveTicket> _candidates = new(StringComparer.Ordinal);
    private readonly SortedSet<LiveTicket> _byDeadline = new(LiveTicketDeadlineOrder.Instance);
    private string[] _breaching = [];

    // "Breaching next" as the last frame sent it (a member may have left the candidates since).
    private LiveTicket[] _breachingTickets = [];

    /// <param name="boardCode">The code its own board reports under: "city" or the area's code.</param>
    /// <param name="open">The scope's open tickets now (from the catalog): where the lists start.</param>
    public BoardScope(string boardCode, IEnumerable<TicketSummary> open)
    {
        _boardCode = boardCode;
        foreach (var summary in open)
        {
            Track(LiveTicket.From(summary));
        }

        _breaching = Top();
        _breachingTickets = [.. _breaching.Select(id => _candidates[id])];
    }

    /// <summary>Takes one of the scope's events into the next frame.</summary>
    public void Fold(DomainEvent domainEvent)
    {
        lock (_lock)
        {
            switch (domainEvent)
            {
                case TicketChanged e: Ticket(e.Summary, e.At); break;
                case TicketAgingChanged e: Ticket(e.Summary, e.At); break;
                case TicketSupervised e: Ticket(e.Summary, e.At); break;
                case TicketSuspensionTooLong e: Ticket(e.Summary, e.At); break;
                case TicketDuplicateSuspected e: Ticket(e.Summary, e.At); break;
                case GridChanged e:
                    _grids[e.Report.Code] = Newer(_grids.GetValueOrDefault(e.Report.Code), e.Report);
                    Saw(e.At);
                    break;
                case AreaChanged e when e.Report.Code == _boardCode:
                    _board = Newer(_board, e.Report);
                    Saw(e.At);
                    break;
                case AreaChanged e:
                    _areas[e.Report.Code] = Newer(_areas.GetValueOrDefault(e.Report.Code), e.Report);
                    Saw(e.At);
                    break;
                default:
                    // Inspections reach the board through its counters (patrol tiles); nothing else of them is shown.
                    break;
            }
        }
    }

    /// <summary>"Breaching next" as the last frame sent it, soonest first.</summary>
    public IReadOnlyList<LiveTicket> Breaching()
    {
        lock (_lock)
        {
            return _breachingTickets;
        }
    }

    /// <summary>
    /// The scope's sequence and "breaching next" as of that frame, read together: what a snapshot starts from (frames
    /// are appended to <paramref name="log"/> under the same lock, see <see cref="TakeFrame"/>).
    /// </summary>
    public (long Sequence, IReadOnlyList<LiveTicket> Breaching) Position(ScopeLog log)
    {
        lock (_lock)
        {
            return (log.Sequence, _breachingTickets);
        }
    }

    /// <summary>Takes the next frame, if anything changed, and appends it to <paramref name="log"/> (serialized once).</summary>
    public bool TakeFrame(ScopeLog log, DateTimeOffset now, TimeSpan halfLife, Func<BoardDelta, byte[]> serialize)
    {
        lock (_lock)
        {
            if (Take(log.Scope, now, halfLife) is not { } frame)
            {
                return false;
            }

            log.AppendFrame(frame, serialize);
            return true;
        }
    }

    /// <summary>
    /// Everything folded since the last call as one frame (without its sequence), or null when nothing changed.
    /// </summary>
    public BoardDelta? Take(string scope, DateTimeOffset now, TimeSpan halfLife)
    {
        lock (_lock)
        {
            if (_earliest is not { } earliest)
            {
                return null;
            }

            var top = Top();
            var breachingChanged = !top.AsSpan().SequenceEqual(_breaching);
            var members = new HashSet<string>(top, StringComparer.Ordinal);
            members.UnionWith(_breaching);
            var feedFrom = _order - FeedLength;
            var tickets = new List<LiveTicket>();
            foreach (var (id, change) in _tickets)
            {
                if (change.Listed || change.Order > feedFrom || members.Contains(id))
                {
                    tickets.Add(change.Ticket);
                }
            }

            // Entering "breaching next" without a change of its own (a member ahead of it left): the client has not got it.
            foreach (var id in top)
            {
                if (!_tickets.ContainsKey(id) && Array.IndexOf(_breaching, id) < 0)
                {
                    tickets.Add(_candidates[id]);
                }
            }

            var frame = new BoardDelta
            {
                Scope = scope,
                Sequence = 0,
                At = earliest,
                Board = _board is { } board ? Brief(board, now, halfLife) : null,
                Areas = _areas.Count > 0 ? [.. _areas.Values.Select(a => Brief(a, now, halfLife))] : null,
                Grids = _grids.Count > 0 ? [.. _grids.Values.Select(g => new GridBrief(g.Code, g.Name, g.Hotspot.ValueAt(now, halfLife), g.Counters))] : null,
                Tickets = tickets.Count > 0 ? tickets : null,
                Breaching = breachingChanged ? top : null,
            };
            _breaching = top;
            _breachingTickets = [.. top.Select(id => _candidates[id])];
            _tickets.Clear();
            _areas.Clear();
            _grids.Clear();
            _board = null;
            _earliest = null;
            return frame;
        }
    }

    private void Ticket(TicketSummary summary, DateTimeOffset at)
    {
        Saw(at);
        if (_tickets.TryGetValue(summary.Id, out var known) && known.Ticket.Revision > summary.Revision)
        {
            return;
        }

        var ticket = LiveTicket.From(summary);
        var listed = Track(ticket) || (known?.Listed ?? false);
        _tickets[summary.Id] = new Change(ticket, ++_order, listed);
    }

    /// <summary>Updates the overdue set and the candidates; true when the overdue list gains, keeps or loses it.</summary>
    private bool Track(LiveTicket ticket)
    {
        if (_candidates.Remove(ticket.Id, out var old))
        {
            _byDeadline.Remove(old);
        }

        if (ticket.IsBreachCandidate)
        {
            _candidates[ticket.Id] = ticket;
            _byDeadline.Add(ticket);
        }

        if (ticket.IsOpen && ticket.IsOverdue)
        {
            _overdue.Add(ticket.Id);
            return true;
        }

        return _overdue.Remove(ticket.Id);
    }

    private string[] Top()
    {
        var top = new string[Math.Min(BreachingLength, _byDeadline.Count)];
        var i = 0;
        foreach (var ticket in _byDeadline)
        {
            if (i == top.Length)
            {
                break;
            }

            top[i++] = ticket.Id;
        }

        return top;
    }

    private void Saw(DateTimeOffset at)
    {
        if (_earliest is not { } earliest || at < earliest)
        {
            _earliest = at;
        }
    }

    private static AreaChild Newer(AreaChild? known, AreaChild report) =>
        known is not null && known.Version > report.Version ? known : report;

    private static AreaBrief Brief(AreaChild area, DateTimeOffset now, TimeSpan halfLife) =>
        new(area.Code, area.Name, area.Code == IAreaBoardGrain.CityKey ? null : area.Level, area.Hotspot.ValueAt(now, halfLife), area.Counters);

    private sealed record Change(LiveTicket Ticket, long Order, bool Listed);
}
