using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>Why <see cref="Ticket.Apply"/> refused an action.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketRejectionReason>))]
public enum TicketRejectionReason
{
    /// <summary>The lifecycle table has no row for this action in the ticket's status (terminal statuses have none).</summary>
    NotAllowedInStatus,

    /// <summary>The table has a row but its guard does not hold now (e.g. the return window has passed).</summary>
    GuardNotMet,

    /// <summary>The action is dated before the ticket's last change.</summary>
    TimeWentBackwards,

    /// <summary>The action itself is incomplete or contradicts the ticket (e.g. no reason, transfer to the same unit).</summary>
    InvalidAction,
}
