using System.Collections.Concurrent;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Catalog;

/// <summary>
/// The open tickets of one category, bucketed by a fixed grid of map cells, so duplicate detection at intake reads
/// the few cells around a point instead of every open ticket of the category (a scan that grew with the backlog and
/// was half the CPU of an intake). Cells only narrow the search: the caller still measures the exact distance.
/// Tickets without coordinates are not kept (duplicate detection never matches them); the rare ones with coordinates
/// off the map's cells are kept apart and always read.
/// </summary>
internal sealed class OpenTicketCells
{
    /// <summary>Cell edge in degrees: about 220 m of latitude, so a 200 m search reads a block of 3 × 3 to 4 × 4 cells.</summary>
    private const double CellDegrees = 0.002;

    /// <summary>Meters per degree of latitude, rounded down so the cell range is never too narrow.</summary>
    private const double MetersPerDegree = 111_000;

    /// <summary>More cells than this around a point (huge radius, near a pole or the antimeridian): read them all.</summary>
    private const int MaxCellsPerSearch = 256;

    private readonly ConcurrentDictionary<(int X, int Y), ConcurrentDictionary<string, TicketSummary>> _cells = new();
    private readonly ConcurrentDictionary<string, TicketSummary> _unplaced = new(StringComparer.Ordinal);

    public void Set(TicketSummary summary)
    {
        if (summary.Longitude is null || summary.Latitude is null)
        {
            return;
        }

        if (CellOf(summary) is { } cell)
        {
            _cells.GetOrAdd(cell, static _ => new(StringComparer.Ordinal))[summary.Id] = summary;
        }
        else
        {
            _unplaced[summary.Id] = summary;
        }
    }

    public void Remove(TicketSummary summary)
    {
        if (CellOf(summary) is { } cell)
        {
            if (_cells.TryGetValue(cell, out var tickets))
            {
                tickets.TryRemove(summary.Id, out _);
            }
        }
        else
        {
            _unplaced.TryRemove(summary.Id, out _);
        }
    }

    /// <summary>Every placed ticket whose cell may lie within <paramref name="meters"/> of the point (a superset).</summary>
    public IEnumerable<TicketSummary> Near(double longitude, double latitude, double meters)
    {
        foreach (var (_, ticket) in _unplaced)
        {
            yield return ticket;
        }

        var latitudeSpan = meters / MetersPerDegree;
        var cosine = Math.Cos(double.DegreesToRadians(Math.Min(90, Math.Abs(latitude) + latitudeSpan)));
        var longitudeSpan = cosine > 1e-6 ? latitudeSpan / cosine : double.PositiveInfinity;
        var west = longitude - longitudeSpan;
        var east = longitude + longitudeSpan;
        var south = latitude - latitudeSpan;
        var north = latitude + latitudeSpan;
        if (!double.IsFinite(west) || !double.IsFinite(east) || west < -180 || east > 180
            || ((Math.Floor(east / CellDegrees) - Math.Floor(west / CellDegrees) + 1) * (Math.Floor(north / CellDegrees) - Math.Floor(south / CellDegrees) + 1)) > MaxCellsPerSearch)
        {
            foreach (var (_, tickets) in _cells)
            {
                foreach (var (_, ticket) in tickets)
                {
                    yield return ticket;
                }
            }

            yield break;
        }

        for (var x = Cell(west); x <= Cell(east); x++)
        {
            for (var y = Cell(south); y <= Cell(north); y++)
            {
                if (_cells.TryGetValue((x, y), out var tickets))
                {
                    foreach (var (_, ticket) in tickets)
                    {
                        yield return ticket;
                    }
                }
            }
        }
    }

    private static (int X, int Y)? CellOf(TicketSummary summary) =>
        summary is { Longitude: { } longitude, Latitude: { } latitude }
            && double.IsFinite(longitude) && double.IsFinite(latitude) && Math.Abs(longitude) <= 180 && Math.Abs(latitude) <= 90
            ? (Cell(longitude), Cell(latitude))
            : null;

    private static int Cell(double degrees) => (int)Math.Floor(degrees / CellDegrees);
}
