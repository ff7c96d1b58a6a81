using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Catalog;

/// <summary>One page of a ticket list: the items, how many match in all, and where this page starts.</summary>
public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, int Total, int Offset, int Limit);
