using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Api.Tickets;

/// <summary>
/// GET /api/tickets query string. Territory filters match by code prefix: grid, community, street or any territory
/// code; the most specific one given wins. Pages count from 1.
/// </summary>
public sealed record TicketListQuery(
    TicketStatus[]? Status = null,
    string? Category = null,
    string? Grid = null,
    string? Community = null,
    string? Street = null,
    string? Territory = null,
    string? Unit = null,
    string? Worker = null,
    bool? Open = null,
    bool? Overdue = null,
    AgingBucket? Bucket = null,
    TicketSource? Source = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Q = null,
    TicketSort? Sort = null,
    int? Page = null,
    int? PageSize = null)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = TicketCatalog.MaxLimit;
}
