using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Catalog;

/// <summary>
/// The silo's index of ticket summaries, for lists with filters and paging and for duplicate detection at intake.
/// Ticket grains upsert their summary after every durable change; at start the silo reloads it from the ticket grains
/// (numbers per day from <see cref="ITicketNumberGrain"/>). Thread-safe.
/// </summary>
public interface ITicketCatalog
{
    /// <summary>Stores the summary unless the catalog already has this ticket at a higher version.</summary>
    void Upsert(TicketSummary summary);

    TicketSummary? Find(string ticketId);

    TicketPage Query(TicketQuery query);

    /// <summary>
    /// Open tickets of the same category within <paramref name="maxDistanceMeters"/> of the point and received within
    /// <paramref name="window"/> before <paramref name="at"/>, nearest first; <paramref name="excludeTicketId"/> left out.
    /// </summary>
    IReadOnlyList<DuplicateCandidate> FindDuplicates(
        string category, double longitude, double latitude, DateTimeOffset at, TimeSpan window, double maxDistanceMeters, string? excludeTicketId);

    /// <summary>
    /// The tickets whose current summary places them in <paramref name="gridCode"/> (open and terminal), in no
    /// particular order: what a grid grain derives its board from on activation. Indexed, not a scan.
    /// </summary>
    IReadOnlyCollection<TicketSummary> InGrid(string gridCode);

    /// <summary>Every summary (for recounts and reports), in no particular order.</summary>
    IReadOnlyCollection<TicketSummary> All { get; }

    int Count { get; }
}
