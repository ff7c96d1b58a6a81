using System.Text.Json;
using LiveGrid.Grains.Tests.Support;
using LiveGrid.Silo.Tests.Support;

namespace LiveGrid.Silo.Tests.Fuzz;

/// <summary>
/// Real things for the fuzz to aim at: tickets in several statuses (with the actions each allows and its version),
/// the test city's grids, streets, workers and today's patrols, so bad requests reach the handlers and the grains,
/// not only the router.
/// </summary>
internal sealed record FuzzFixture(IReadOnlyList<FuzzTicket> Tickets)
{
    public static readonly string[] GoodCodes = [.. TestCity.Grids, TestCity.Street, TestCity.Community1, TestCity.Community2, "110101"];

    public static readonly string[] Workers = ["w1a", "w1b", "w2a", "w2c", "w3a", "w4b"];

    /// <summary>Today's patrols (the scheduler plans them at start).</summary>
    public static readonly string[] Inspections = [$"{TestCity.Grid1}-20261123-0", $"{TestCity.Grid2}-20261123-1"];

    public static readonly string[] ReportKinds = ["daily", "weekly", "monthly", "quarterly"];

    /// <summary>Classified, dispatched, accepted, resolved and closed tickets, each read back with its allowed actions.</summary>
    public static async Task<FuzzFixture> CreateAsync(ApiSilo silo)
    {
        var classified = (await silo.ReceiveAsync(grid: 1)).Id();
        var dispatched = (await silo.ReceiveAsync(grid: 2)).Id();
        await silo.ActAsync(dispatched, "dispatch", new { actor = Actors.Dispatcher });
        var accepted = (await silo.ReceiveAsync(grid: 3)).Id();
        await silo.DispatchAndAcceptAsync(accepted, grid: 3);
        var resolved = (await silo.ReceiveAsync(grid: 4)).Id();
        await silo.DispatchAndAcceptAsync(resolved, grid: 4);
        await silo.ActAsync(resolved, "resolve", new { actor = Actors.Worker("w4a"), note = "已清运", level = "Grid" });
        var closed = (await silo.ReceiveAsync(grid: 1)).Id();
        await silo.DispatchAndAcceptAsync(closed, grid: 1);
        await silo.ActAsync(closed, "resolve", new { actor = Actors.Worker("w1a"), note = "已清运", level = "Grid" });
        await silo.ActAsync(closed, "callback", new { actor = Actors.Operator, rating = "Satisfied" });
        await silo.ActAsync(closed, "close", new { actor = Actors.Operator });

        var tickets = new List<FuzzTicket>();
        foreach (var id in new[] { classified, dispatched, accepted, resolved, closed })
        {
            var view = await (await silo.Http.GetAsync($"/api/tickets/{id}")).JsonAsync();
            tickets.Add(new FuzzTicket(id, view.Version(), view.Status(),
                view.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToHashSet(StringComparer.Ordinal)));
        }

        return new FuzzFixture(tickets);
    }
}
