using LiveGrid.Grains.Boards;
using LiveGrid.Grains.City;
using LiveGrid.Grains.Grids;
using LiveGrid.Grains.Territory;
using LiveGrid.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveGrid.Grains.Tests.Support;

/// <summary>
/// Drives the boards' report timers until every report has travelled up: advances the clock by the report delay
/// while a timer is due within it, and stops once no timer is due and every board holds its children's current
/// versions (grid → community → street → district → city).
/// </summary>
internal static class BoardSettling
{
    public static Task SettleAsync(this TestSilo silo)
    {
        var delay = silo.Services.GetRequiredService<CityModel>().Policies.BoardReportDelay;
        return Eventually.UntilAsync(
            async () =>
            {
                var now = silo.Time.GetUtcNow();
                if (silo.Time.ArmedTimers.Any(t => t.Due <= now + delay))
                {
                    silo.Time.Advance(delay);
                    return false;
                }

                // Reading a board may activate it (and its children), which arms their first reports: look again after.
                return await HoldsCurrentChildren(silo.GrainFactory, IAreaBoardGrain.CityKey)
                    && !silo.Time.ArmedTimers.Any(t => t.Due <= now + delay);
            },
            "every board report has reached the city board");
    }

    /// <summary>Advances the clock by <paramref name="step"/> until <paramref name="condition"/> holds (e.g. idle grains collected).</summary>
    public static Task AdvanceUntilAsync(this TestSilo silo, TimeSpan step, Func<bool> condition, string what) =>
        Eventually.UntilAsync(
            () =>
            {
                if (condition())
                {
                    return true;
                }

                silo.Time.Advance(step);
                return false;
            },
            what);

    private static async Task<bool> HoldsCurrentChildren(Runtime.IGrainFactory grains, string area)
    {
        var board = await grains.GetGrain<IAreaBoardGrain>(area).GetBoard();
        foreach (var child in board.Children)
        {
            var grid = child.Level == TerritoryLevel.Grid && child.Code.Length == 15;
            var current = grid
                ? await grains.GetGrain<IGridGrain>(child.Code).GetReport()
                : await grains.GetGrain<IAreaBoardGrain>(child.Code).GetReport();
            if (current.Version != child.Version || (!grid && !await HoldsCurrentChildren(grains, child.Code)))
            {
                return false;
            }
        }

        return true;
    }
}
