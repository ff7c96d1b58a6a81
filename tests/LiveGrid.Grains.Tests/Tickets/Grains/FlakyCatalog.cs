using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Tests.Tickets.Grains;

/// <summary>
/// The real catalog, except that <see cref="Find"/> (which the grid grain reads in TrackTicket) fails while
/// <see cref="Failing"/> is set: a grid report that fails after the ticket's change is durable.
/// </summary>
internal sealed class FlakyCatalog(TicketCatalog inner) : ITicketCatalog
{
    private int _finds;

    public volatile bool Failing;

    public int Finds => Volatile.Read(ref _finds);

    public IReadOnlyCollection<TicketSummary> All => inner.All;

    public int Count => inner.Count;

    public void Upsert(TicketSummary summary) => inner.Upsert(summary);

    public TicketSummary? Find(string ticketId)
    {
        Interlocked.Increment(ref _finds);
        return Failing ? throw new InvalidOperationException("The catalog is unavailable (test).") : inner.Find(ticketId);
    }

    public TicketPage Query(TicketQuery query) => inner.Query(query);

    public IReadOnlyList<DuplicateCandidate> FindDuplicates(
        string category, double longitude, double latitude, DateTimeOffset at, TimeSpan window, double maxDistanceMeters, string? excludeTicketId) =>
        inner.FindDuplicates(category, longitude, latitude, at, window, maxDistanceMeters, excludeTicketId);

    public IReadOnlyCollection<TicketSummary> InGrid(string gridCode) => inner.InGrid(gridCode);
}
