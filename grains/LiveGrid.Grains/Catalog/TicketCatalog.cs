using System.Collections.Concurrent;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Catalog;

/// <summary>
/// The in-memory <see cref="ITicketCatalog"/>. Summaries live in a concurrent dictionary; open tickets are also
/// indexed by category and map cell, so duplicate detection looks only at open tickets of one category near the point. Queries filter and sort
/// a snapshot: fine for the tens of thousands of tickets a city has open or recent, and never blocks writers.
/// </summary>
public sealed class TicketCatalog : ITicketCatalog
{
    public const int MaxLimit = 500;

    private readonly ConcurrentDictionary<string, TicketSummary> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OpenTicketCells> _openByCategory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, TicketSummary>> _byGrid = new(StringComparer.Ordinal);

    // Serialises grid re-indexing, so two racing upserts of one ticket cannot leave it indexed under a stale grid.
    private readonly Lock _gridIndexLock = new();

    public IReadOnlyCollection<TicketSummary> All => [.. _tickets.Values];

    public int Count => _tickets.Count;

    public void Upsert(TicketSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        while (true)
        {
            if (_tickets.TryGetValue(summary.Id, out var known))
            {
                if (known.Revision >= summary.Revision)
                {
                    return;
                }

                if (!_tickets.TryUpdate(summary.Id, summary, known))
                {
                    continue;
                }

                Unindex(known);
            }
            else if (!_tickets.TryAdd(summary.Id, summary))
            {
                continue;
            }

            Index(summary);
            IndexGrid(summary.Id, known?.GridCode);
            return;
        }
    }

    public TicketSummary? Find(string ticketId) => _tickets.GetValueOrDefault(ticketId);

    public IReadOnlyCollection<TicketSummary> InGrid(string gridCode)
    {
        ArgumentNullException.ThrowIfNull(gridCode);
        return _byGrid.TryGetValue(gridCode, out var tickets) ? [.. tickets.Values] : [];
    }

    public TicketPage Query(TicketQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var limit = Math.Clamp(query.Limit, 1, MaxLimit);
        var offset = Math.Max(0, query.Offset);
        var matches = _tickets.Values.Where(ticket => Matches(ticket, query));
        var sorted = query.Sort switch
        {
            TicketSort.Deadline => matches.OrderBy(t => t.Deadline ?? DateTimeOffset.MaxValue).ThenBy(t => t.Id, StringComparer.Ordinal),
            TicketSort.Changed => matches.OrderByDescending(t => t.LastChangedAt).ThenByDescending(t => t.Id, StringComparer.Ordinal),
            _ => matches.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Id, StringComparer.Ordinal),
        };
        var all = sorted.ToList();
        return new TicketPage([.. all.Skip(offset).Take(limit)], all.Count, offset, limit);
    }

    public IReadOnlyList<DuplicateCandidate> FindDuplicates(
        string category, double longitude, double latitude, DateTimeOffset at, TimeSpan window, double maxDistanceMeters, string? excludeTicketId)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (!_openByCategory.TryGetValue(category.Trim(), out var open))
        {
            return [];
        }

        var earliest = at - window;
        var candidates = new List<DuplicateCandidate>();
        foreach (var t in open.Near(longitude, latitude, maxDistanceMeters))
        {
            if (t.Id != excludeTicketId && t.IsOpen && t.MergedInto is null && t.ReceivedAt >= earliest && t.ReceivedAt <= at
                && t is { Longitude: { } lon, Latitude: { } lat }
                && GeoDistance.Meters(longitude, latitude, lon, lat) is var meters && meters <= maxDistanceMeters)
            {
                candidates.Add(new DuplicateCandidate(t.Id, t.Category!, meters, t.ReceivedAt, t.Status));
            }
        }

        // Nearest first, then earliest.
        return [.. candidates.OrderBy(c => c.DistanceMeters).ThenBy(c => c.ReceivedAt)];
    }

    private static bool Matches(TicketSummary t, TicketQuery q) =>
        (q.Statuses is not { Count: > 0 } || q.Statuses.Contains(t.Status))
        && (q.Open is not { } open || t.IsOpen == open)
        && (q.Overdue is not { } overdue || (t.IsOpen && t.IsOverdue) == overdue)
        && (q.Bucket is not { } bucket || (t.IsOpen && t.Bucket == bucket))
        && (string.IsNullOrEmpty(q.Territory) || (t.GridCode?.StartsWith(q.Territory, StringComparison.Ordinal) ?? false))
        && (string.IsNullOrEmpty(q.Category) || t.Category == q.Category)
        && (string.IsNullOrEmpty(q.UnitId) || t.LeadUnitId == q.UnitId)
        && (string.IsNullOrEmpty(q.WorkerId) || t.AssigneeWorkerId == q.WorkerId)
        && (q.Source is not { } source || t.Source == source)
        && (q.ReceivedFrom is not { } from || t.ReceivedAt >= from)
        && (q.ReceivedTo is not { } to || t.ReceivedAt < to)
        && (string.IsNullOrWhiteSpace(q.Text) || Contains(t, q.Text.Trim()));

    private static bool Contains(TicketSummary t, string text) =>
        t.Id.Contains(text, StringComparison.OrdinalIgnoreCase)
        || t.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (t.Address?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);

    private void Index(TicketSummary summary)
    {
        if (summary.IsOpen && summary.Category is { } category)
        {
            _openByCategory.GetOrAdd(category, static _ => new()).Set(summary);
        }
    }

    /// <summary>Moves the ticket to the grid of its current summary (read again under the lock, so the last writer wins).</summary>
    private void IndexGrid(string ticketId, string? previousGrid)
    {
        lock (_gridIndexLock)
        {
            var current = _tickets[ticketId];
            if (previousGrid is not null && previousGrid != current.GridCode && _byGrid.TryGetValue(previousGrid, out var previous))
            {
                previous.TryRemove(ticketId, out _);
            }

            if (current.GridCode is { } grid)
            {
                _byGrid.GetOrAdd(grid, static _ => new(StringComparer.Ordinal))[ticketId] = current;
            }
        }
    }

    private void Unindex(TicketSummary summary)
    {
        if (summary.Category is { } category && _openByCategory.TryGetValue(category, out var open))
        {
            open.Remove(summary);
        }
    }
}
