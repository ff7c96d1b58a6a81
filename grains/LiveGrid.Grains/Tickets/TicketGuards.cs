namespace LiveGrid.Grains.Tickets;

/// <summary>The guards the lifecycle table uses, each with the reason it gives when it does not hold.</summary>
public static class TicketGuards
{
    /// <summary>退单 only within the return window (one province: 2 working days); the grain decides, see <see cref="TicketContext"/>.</summary>
    public static TransitionGuard WithinReturnWindow { get; } = new(
        "within the return window",
        (_, context) => context.IsWithinReturnWindow ? null : "the return window has passed, so the unit can no longer return it (the dispatcher can transfer it)");

    /// <summary>At most one extension request pending.</summary>
    public static TransitionGuard NoExtensionPending { get; } = new(
        "no extension request pending",
        (ticket, _) => ticket.PendingExtension is { } pending
            ? $"an extension request ({pending.Limit}, asked by {pending.RequestedBy} at {pending.RequestedAt:O}) is already pending; the dispatcher must decide it first"
            : null);

    public static TransitionGuard ExtensionPending { get; } = new(
        "an extension request is pending",
        (ticket, _) => ticket.PendingExtension is null ? "no extension request is pending" : null);

    /// <summary>After a failed verification the only way on is rework.</summary>
    public static TransitionGuard VerificationNotFailed { get; } = new(
        "verification has not failed",
        (ticket, _) => ticket.Verification is { Passed: false } failed
            ? $"verification by {failed.InspectorId} at {failed.At:O} failed, so the ticket must go to rework"
            : null);

    public static TransitionGuard VerificationFailed { get; } = new(
        "verification failed",
        (ticket, _) => ticket.Verification is { Passed: false } ? null : "rework of a resolved ticket needs a failed verification first");

    public static TransitionGuard RatedUnsatisfied { get; } = new(
        "rated Unsatisfied",
        (ticket, _) => ticket.Rating == CallbackRating.Unsatisfied
            ? null
            : $"rework after callback needs an Unsatisfied rating, but the citizen rated it {ticket.Rating}");
}
