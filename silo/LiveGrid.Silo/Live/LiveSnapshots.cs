using LiveGrid.Grains.Boards;
using LiveGrid.Grains.Catalog;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Territory;
using LiveGrid.Grains.Tickets;
using LiveGrid.Grains.Workers;
using LiveGrid.Runtime;
using Microsoft.AspNetCore.SignalR;

namespace LiveGrid.Silo.Live;

/// <summary>Reads a scope's current state from the grains and the ticket catalog.</summary>
public sealed class LiveSnapshots(IGrainFactory grains, ITicketCatalog catalog, CityModel city, TimeProvider time)
{
    public const int MaxTickets = 1000;

    public const int FeedLength = 50;

    /// <exception cref="HubException">The scope's ticket does not exist.</exception>
    public async Task<Snapshot> ReadAsync(LiveScope scope, long sequence)
    {
        var snapshot = new Snapshot { Scope = scope.Text, Sequence = sequence, ServerTime = time.GetUtcNow() };
        switch (scope.Kind)
        {
            case LiveScopeKind.City:
                return snapshot with
                {
                    Board = await grains.GetGrain<IAreaBoardGrain>(IAreaBoardGrain.CityKey).GetBoard(),
                    Grids = await GridsAsync(city.Territory.Index.Grids),
                    Tickets = OpenTickets(new TicketQuery()),
                };

            case LiveScopeKind.Area:
                var code = TerritoryCode.Parse(scope.Key);
                return snapshot with
                {
                    Board = await grains.GetGrain<IAreaBoardGrain>(scope.Key).GetBoard(),
                    Grids = await GridsAsync([.. city.Territory.Index.Grids.Where(g => code.Contains(g.Code))]),
                    Tickets = OpenTickets(new TicketQuery { Territory = scope.Key }),
                };

            case LiveScopeKind.Grid:
                return snapshot with
                {
                    Board = await grains.GetGrain<IGridGrain>(scope.Key).GetBoard(),
                    Tickets = OpenTickets(new TicketQuery { Territory = scope.Key }),
                };

            case LiveScopeKind.Worker:
                var worker = grains.GetGrain<IWorkerGrain>(scope.Key);
                var view = await worker.Get();
                return snapshot with
                {
                    Worker = view,
                    Feed = await worker.GetFeed(Math.Max(0, view.FeedSequence - FeedLength), FeedLength),
                    Tickets = OpenTickets(new TicketQuery { WorkerId = scope.Key }),
                };

            default:
                var ticket = await grains.GetGrain<ITicketGrain>(scope.Key).Get()
                    ?? throw new HubException($"There is no ticket \"{scope.Key}\" (scope \"{scope.Text}\").");
                return snapshot with { Ticket = ticket };
        }
    }

    /// <summary>Whether a ticket scope names a ticket, asked before any grain is activated for it when the catalog knows it.</summary>
    public async Task<bool> TicketExistsAsync(string ticketId) =>
        catalog.Find(ticketId) is not null || await grains.GetGrain<ITicketGrain>(ticketId).GetSummary() is not null;

    /// <summary>Every open ticket of a city or area scope (unsorted): where a board scope's lists start.</summary>
    public IEnumerable<TicketSummary> OpenTickets(LiveScope scope) =>
        catalog.All.Where(t => t.IsOpen && (scope.Kind == LiveScopeKind.City || (t.GridCode?.StartsWith(scope.Key, StringComparison.Ordinal) ?? false)));

    // The catalog pages by at most TicketCatalog.MaxLimit.
    private List<TicketSummary> OpenTickets(TicketQuery query)
    {
        var tickets = new List<TicketSummary>();
        while (tickets.Count < MaxTickets)
        {
            var page = catalog.Query(query with
            {
                Open = true,
                Sort = TicketSort.Deadline,
                Offset = tickets.Count,
                Limit = Math.Min(TicketCatalog.MaxLimit, MaxTickets - tickets.Count),
            });
            tickets.AddRange(page.Items);
            if (page.Items.Count == 0 || tickets.Count >= page.Total)
            {
                break;
            }
        }

        return tickets;
    }

    private async Task<IReadOnlyList<GridBrief>> GridsAsync(IReadOnlyList<Grid> grids)
    {
        var reports = await Task.WhenAll(grids.Select(g => grains.GetGrain<IGridGrain>(g.Code.Value).GetReport()));
        var now = time.GetUtcNow();
        var halfLife = city.Policies.HotspotHalfLife;
        return [.. reports.Select(r => new GridBrief(r.Code, r.Name, r.Hotspot.ValueAt(now, halfLife), r.Counters))];
    }
}
