namespace LiveGrid.Grains.Tickets.Privacy;

/// <summary>
/// The answer to <see cref="ITicketGrain.RevealCaller"/>: the unmasked caller and the audit entry that records the
/// reveal, or <see cref="NotFound"/> (nothing recorded).
/// </summary>
public sealed record CallerRevealResult
{
    public bool NotFound { get; init; }

    public TicketCaller? Caller { get; init; }

    /// <summary>The <see cref="TicketActionKind.RevealCaller"/> entry appended to the audit trail.</summary>
    public TicketTransition? Entry { get; init; }

    /// <summary>The ticket after the reveal (its caller still masked: the view is what everyone sees).</summary>
    public TicketView? View { get; init; }
}
