namespace LiveGrid.Grains.Tickets;

/// <summary>Who did something to a ticket: the audit trail's "who" and "in which role".</summary>
public sealed record TicketActor(string Id, ActorRole Role, string DisplayName);
