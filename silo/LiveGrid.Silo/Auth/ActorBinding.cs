using LiveGrid.Grains.Tickets;
using LiveGrid.Silo.Api.Common;

namespace LiveGrid.Silo.Auth;

/// <summary>
/// The actor a request names is who the audit trail will blame or credit, and the KPIs count: a signed-in user may only
/// act as themselves, in a part their role plays. An administrator may act for anyone (to repair a ticket); that is
/// the administrator's role, not a gap.
/// </summary>
public static class ActorBinding
{
    /// <summary>Null when <paramref name="user"/> may act as <paramref name="actor"/>; else why not (the 403's detail).</summary>
    public static string? Refuse(LiveGridUser user, ActorRequest? actor)
    {
        // A missing or incomplete actor is the request's validation error (400), not a question of identity.
        if (user.IsAdministrator || actor?.Id is not { } claimed || string.IsNullOrWhiteSpace(claimed) || actor.Role is not { } part)
        {
            return null;
        }

        var id = claimed.Trim();
        var identities = Identities(user).ToList();
        if (identities.Any(identity => identity.Parts.Contains(part) && string.Equals(identity.Id, id, StringComparison.Ordinal)))
        {
            return null;
        }

        var allowed = identities.Count == 0
            ? "your account acts on no ticket"
            : string.Join("; ", identities.Select(identity => $"id '{identity.Id}' as {string.Join(" or ", identity.Parts)}"));
        return $"You act as yourself: the actor '{id}' as {part} is not you ({allowed}).";
    }

    private static IEnumerable<(string Id, ActorRole[] Parts)> Identities(LiveGridUser user)
    {
        if (user.Is(LiveGridRoles.Operator))
        {
            yield return (user.Name, [ActorRole.HotlineOperator, ActorRole.Dispatcher, ActorRole.Inspector]);
        }

        if (user.Is(LiveGridRoles.CommandCenter))
        {
            yield return (user.Name, [ActorRole.CommandCenter]);
        }

        if (user.Is(LiveGridRoles.UnitHandler))
        {
            yield return (user.Name, [ActorRole.UnitHandler]);
            if (user.UnitId is { } unit)
            {
                yield return (unit, [ActorRole.UnitHandler]);
            }
        }

        // A grid worker acts under their worker id: that is what assignments, feeds and scorecards are keyed by.
        if (user.Is(LiveGridRoles.GridWorker) && user.WorkerId is { } worker)
        {
            yield return (worker, [ActorRole.GridWorker, ActorRole.Inspector]);
        }
    }
}
