using LiveGrid.Grains.City;
using LiveGrid.Grains.Tickets;
using LiveGrid.Runtime;
using LiveGrid.Silo.Live;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// Which push scopes a user may subscribe to: the city and areas for the city-wide roles, a grid for them and its own
/// workers, a worker for the city-wide roles and the worker themself, a ticket for whoever may read it.
/// </summary>
public sealed class HubAccess(IGrainFactory grains, CityModel city)
{
    /// <summary>Null when the user may subscribe; else why not. A scope that does not parse is left to the notifier's error.</summary>
    public async Task<string?> RefuseAsync(LiveGridUser? user, string? scopeText)
    {
        if (user is null)
        {
            return "Sign in first.";
        }

        var territory = city.Territory;
        if (user.IsAdministrator || !LiveScope.TryParse(scopeText, territory, out var scope, out _))
        {
            return null;
        }

        var cityWide = user.IsAny(TicketAccess.CityReaders);
        switch (scope.Kind)
        {
            case LiveScopeKind.City or LiveScopeKind.Area:
                return cityWide ? null : $"Your role may not watch \"{scope.Text}\": grid workers watch their grid, unit handlers their tickets.";
            case LiveScopeKind.Grid:
                return cityWide || TicketAccess.GridOf(user, territory) == scope.Key ? null : $"You may not watch grid {scope.Key}: it is not your grid.";
            case LiveScopeKind.Worker:
                return cityWide || (user.Is(LiveGridRoles.GridWorker) && user.WorkerId == scope.Key)
                    ? null
                    : $"You may not watch worker {scope.Key}: a grid worker watches only themself.";
            default:
                if (cityWide)
                {
                    return null;
                }

                return await grains.GetGrain<ITicketGrain>(scope.Key).GetSummary() is { } ticket && !TicketAccess.CanRead(user, ticket, territory)
                    ? $"You may not watch ticket {scope.Key}: it is not one of yours."
                    : null;
        }
    }
}
