namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A condition on a row of the lifecycle table that depends on the ticket or the context, not on the action's
/// content, so <see cref="TicketLifecycle.AllowedActions"/> can evaluate it before anyone tries.
/// </summary>
public sealed class TransitionGuard
{
    private readonly Func<Ticket, TicketContext, string?> _unmet;

    internal TransitionGuard(string description, Func<Ticket, TicketContext, string?> unmet)
    {
        Description = description;
        _unmet = unmet;
    }

    /// <summary>The condition, as the readable table shows it.</summary>
    public string Description { get; }

    /// <summary>Why the guard does not hold now; null when it holds.</summary>
    public string? Unmet(Ticket ticket, TicketContext context) => _unmet(ticket, context);

    public override string ToString() => Description;
}
