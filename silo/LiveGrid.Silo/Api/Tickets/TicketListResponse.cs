using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>One page of tickets: the items, how many match in all, and which page this is.</summary>
public sealed record TicketListResponse(IReadOnlyList<TicketSummary> Items, int Total, int Page, int PageSize);
