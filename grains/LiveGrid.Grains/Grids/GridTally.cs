using LiveGrid.Grains.Boards;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Grids;

/// <summary>
/// The ticket side of one grid's board, kept incrementally: the latest summary of every ticket the grid has heard of
/// (by <see cref="TicketSummary.Revision"/>), and the counters of those whose summary places them in this grid. Each
/// summary adds its contribution and the summary it replaces takes its own away, so a change costs O(log n), and a
/// new local day is one recount. Not thread-safe: owned by one grain activation.
/// </summary>
public sealed class GridTally
{
    /// <summary>How many tickets the "breaching next" list holds.</summary>
    public const int BreachListSize = 10;

    private static readonly int StatusCount = Enum.GetValues<TicketStatus>().Length;

    private readonly string _gridCode;
    private readonly CityModel _city;
    private readonly Dictionary<string, TicketSummary> _tickets = new(StringComparer.Ordinal);

    // Open tickets of this grid, the next deadline first (no deadline last).
    private readonly SortedSet<(DateTimeOffset Deadline, string Id)> _openByDeadline = new(Comparer<(DateTimeOffset Deadline, string Id)>.Create(
        static (left, right) => left.Deadline != right.Deadline ? left.Deadline.CompareTo(right.Deadline) : string.CompareOrdinal(left.Id, right.Id)));
    private readonly int[] _byStatus = new int[StatusCount];
    private readonly int[] _aging = new int[4];
    private int _open;
    private int _suspended;
    private int _supervised;
    private int _escalated;
    private int _received;
    private int _resolved;
    private int _resolvedOnTime;
    private int _closed;
    private int _rated;
    private int _satisfied;
    private HotspotScore? _hotspot;

    public GridTally(string gridCode, CityModel city, DateOnly day)
    {
        _gridCode = gridCode;
        _city = city;
        Day = day;
    }

    /// <summary>The local date the "today" counters count.</summary>
    public DateOnly Day { get; private set; }

    /// <summary>The decayed rate of new tickets in this grid (each adds 1 at its reception), or null before the first.</summary>
    public HotspotScore? Hotspot => _hotspot;

    /// <summary>
    /// Keeps <paramref name="summary"/> if it is newer than the one known for its ticket; returns the summary it
    /// replaced (null for a ticket new to this grid) and whether anything changed.
    /// </summary>
    public bool Track(TicketSummary summary, out TicketSummary? replaced)
    {
        ArgumentNullException.ThrowIfNull(summary);
        replaced = _tickets.GetValueOrDefault(summary.Id);
        if (replaced is not null && replaced.Revision >= summary.Revision)
        {
            return false;
        }

        if (replaced is not null)
        {
            Count(replaced, -1);
        }

        _tickets[summary.Id] = summary;
        Count(summary, +1);
        if (IsHere(summary) && (replaced is null || !IsHere(replaced)))
        {
            var halfLife = _city.Policies.HotspotHalfLife;
            _hotspot = _hotspot is null ? new HotspotScore(1, summary.ReceivedAt) : _hotspot.Bump(summary.ReceivedAt, halfLife);
        }

        return true;
    }

    /// <summary>The summary known for a ticket, whichever grid it now names.</summary>
    public TicketSummary? Find(string ticketId) => _tickets.GetValueOrDefault(ticketId);

    /// <summary>Recounts the "today" counters for a new local date.</summary>
    public void StartDay(DateOnly day)
    {
        if (day == Day)
        {
            return;
        }

        foreach (var summary in _tickets.Values)
        {
            CountToday(summary, -1);
        }

        Day = day;
        foreach (var summary in _tickets.Values)
        {
            CountToday(summary, +1);
        }
    }

    /// <summary>The ticket counters of <see cref="Day"/>, patrol counters left at zero.</summary>
    public BoardCounters Counters()
    {
        var byStatus = new Dictionary<TicketStatus, int>();
        for (var status = 0; status < StatusCount; status++)
        {
            if (_byStatus[status] != 0)
            {
                byStatus[(TicketStatus)status] = _byStatus[status];
            }
        }

        return new BoardCounters
        {
            Day = Day,
            Open = _open,
            ByStatus = byStatus,
            Aging = new AgingCounts(_aging[0], _aging[1], _aging[2], _aging[3]),
            Suspended = _suspended,
            Supervised = _supervised,
            Escalated = _escalated,
            ReceivedToday = _received,
            ResolvedToday = _resolved,
            ResolvedOnTimeToday = _resolvedOnTime,
            ClosedToday = _closed,
            RatedToday = _rated,
            SatisfiedToday = _satisfied,
        };
    }

    /// <summary>The open tickets of this grid, the next deadline first.</summary>
    public IReadOnlyList<TicketSummary> OpenTickets() => [.. _openByDeadline.Select(key => _tickets[key.Id])];

    /// <summary>The running (not suspended) open tickets whose deadlines come next, soonest first.</summary>
    public IReadOnlyList<BreachCandidate> BreachingNext()
    {
        var list = new List<BreachCandidate>(BreachListSize);
        foreach (var (deadline, id) in _openByDeadline)
        {
            if (list.Count == BreachListSize || deadline == DateTimeOffset.MaxValue)
            {
                break;
            }

            var ticket = _tickets[id];
            if (!ticket.IsSuspended && ticket.AgingStage is { } stage)
            {
                list.Add(new BreachCandidate(ticket.Id, ticket.GridCode, ticket.Category, stage, deadline, ticket.Title));
            }
        }

        return list;
    }

    private bool IsHere(TicketSummary summary) => summary.GridCode == _gridCode;

    private void Count(TicketSummary summary, int sign)
    {
        if (!IsHere(summary))
        {
            return;
        }

        CountToday(summary, sign);
        if (!summary.IsOpen)
        {
            return;
        }

        _open += sign;
        _byStatus[(int)summary.Status] += sign;
        if (summary.Bucket is { } bucket)
        {
            _aging[(int)bucket] += sign;
        }

        if (summary.IsSuspended)
        {
            _suspended += sign;
        }

        if (summary.Supervision is not null)
        {
            _supervised += sign;
        }

        if (summary.EscalatedTo is { } level && level != TerritoryLevel.Grid)
        {
            _escalated += sign;
        }

        var key = (summary.Deadline ?? DateTimeOffset.MaxValue, summary.Id);
        if (sign > 0)
        {
            _openByDeadline.Add(key);
        }
        else
        {
            _openByDeadline.Remove(key);
        }
    }

    private void CountToday(TicketSummary summary, int sign)
    {
        if (!IsHere(summary))
        {
            return;
        }

        if (IsToday(summary.ReceivedAt))
        {
            _received += sign;
        }

        if (IsToday(summary.ResolvedAt))
        {
            _resolved += sign;
            if (summary.ResolvedOnTime == true)
            {
                _resolvedOnTime += sign;
            }
        }

        // A merge sets no close time: the merge is the ticket's last change.
        if (!summary.IsOpen && IsToday(summary.ClosedAt ?? summary.LastChangedAt))
        {
            _closed += sign;
        }

        if (summary.Rating is { } rating && IsToday(summary.CalledBackAt))
        {
            _rated += sign;
            if (rating is CallbackRating.Satisfied or CallbackRating.BasicallySatisfied)
            {
                _satisfied += sign;
            }
        }
    }

    private bool IsToday(DateTimeOffset? instant) => instant is { } at && _city.LocalDate(at) == Day;
}
