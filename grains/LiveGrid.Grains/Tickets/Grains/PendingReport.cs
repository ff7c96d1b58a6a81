using LiveGrid.Grains.Workers;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// One report a ticket owes another grain after a durable change (its grid, its worker, the original of a merge).
/// Kept in the ticket's state until delivered, so a failed call is retried and never lost.
/// </summary>
public sealed record PendingReport(
    PendingReportKind Kind,
    string Target,
    TicketSummary? Summary = null,
    WorkerNotification? Notification = null,
    TicketAction? Action = null);
