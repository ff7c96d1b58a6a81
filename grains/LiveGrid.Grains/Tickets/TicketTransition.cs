namespace LiveGrid.Grains.Tickets;

/// <summary>
/// One entry of the audit trail: who (and in which role) did what, when, from which status to which, and why.
/// <see cref="Sequence"/> counts from 1; <see cref="From"/> is null only for intake. <see cref="Detail"/> says what the
/// action carried (unit, rating, limit...) in words, so the trail reads on its own.
/// </summary>
public sealed record TicketTransition(
    int Sequence,
    DateTimeOffset At,
    TicketActor By,
    TicketStatus? From,
    TicketStatus To,
    TicketActionKind Action,
    string? Note,
    string? Detail);
