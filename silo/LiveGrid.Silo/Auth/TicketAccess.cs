using LiveGrid.Grains.City;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// Who may see and who may work a ticket: the command center, operators and assessors read every ticket; a grid
/// worker reads and works their own tickets and their grid's; a unit handler those of their unit.
/// </summary>
public static class TicketAccess
{
    /// <summary>Roles that read every ticket, board and worker (the administrator holds them all).</summary>
    public static readonly string[] CityReaders = [LiveGridRoles.CommandCenter, LiveGridRoles.Operator, LiveGridRoles.Assessor];

    /// <summary>Everything in a grid worker's grid is theirs to see, whoever handles it.</summary>
    public static bool CanRead(LiveGridUser user, TicketSummary ticket, CityTerritory territory) =>
        user.IsAny(CityReaders) || IsTheirs(user, ticket, territory)
        || (GridOf(user, territory) is { } grid && string.Equals(ticket.GridCode, grid, StringComparison.Ordinal));

    /// <summary>
    /// Accept, arrive, resolve, return, ask for an extension, add evidence: the ticket's own unit handler, or the grid
    /// worker it is assigned to or whose grid it was dispatched to (not a department's ticket that lies in their grid).
    /// </summary>
    public static bool CanHandle(LiveGridUser user, TicketSummary ticket, CityTerritory territory) =>
        user.IsAdministrator || IsTheirs(user, ticket, territory);

    /// <summary>The grid a grid worker's account works in, from the current territory.</summary>
    public static string? GridOf(LiveGridUser user, CityTerritory territory) =>
        user.Is(LiveGridRoles.GridWorker) && user.WorkerId is { } worker ? territory.FindWorker(worker)?.GridCode : null;

    /// <summary>The unit id of a grid's own unit, as tickets name it when they are dispatched to the grid.</summary>
    public static string GridUnit(string gridCode) => "grid:" + gridCode;

    private static bool IsTheirs(LiveGridUser user, TicketSummary ticket, CityTerritory territory)
    {
        if (user.Is(LiveGridRoles.UnitHandler) && user.UnitId is { } unit && string.Equals(ticket.LeadUnitId, unit, StringComparison.Ordinal))
        {
            return true;
        }

        if (!user.Is(LiveGridRoles.GridWorker) || user.WorkerId is not { } worker)
        {
            return false;
        }

        if (string.Equals(ticket.AssigneeWorkerId, worker, StringComparison.Ordinal))
        {
            return true;
        }

        return GridOf(user, territory) is { } grid && string.Equals(ticket.LeadUnitId, GridUnit(grid), StringComparison.Ordinal);
    }
}
