using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;

namespace LiveGrid.Silo.Live;

/// <summary>
/// A scope's state when a subscription starts. Every delta with a sequence above <see cref="Sequence"/> follows; a
/// few of those may already be reflected here (the snapshot is read after the sequence), so clients keep summaries by
/// revision and ignore older ones.
/// </summary>
public sealed record Snapshot
{
    public required string Scope { get; init; }

    public required long Sequence { get; init; }

    public required DateTimeOffset ServerTime { get; init; }

    /// <summary>An AreaBoard (city, area) or a GridBoard (grid).</summary>
    public object? Board { get; init; }

    public IReadOnlyList<GridBrief>? Grids { get; init; }

    /// <summary>Open tickets in scope, soonest deadline first, at most <see cref="LiveSnapshots.MaxTickets"/>.</summary>
    public IReadOnlyList<TicketSummary>? Tickets { get; init; }

    /// <summary>City and area scopes: "breaching next" now, soonest deadline first (frames then say when it changes).</summary>
    public IReadOnlyList<LiveTicket>? Breaching { get; init; }

    public WorkerView? Worker { get; init; }

    /// <summary>The worker's last notifications, oldest first.</summary>
    public IReadOnlyList<WorkerNotification>? Feed { get; init; }

    public TicketView? Ticket { get; init; }
}
