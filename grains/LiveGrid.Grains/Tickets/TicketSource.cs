using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>Where a ticket came from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketSource>))]
public enum TicketSource
{
    /// <summary>12345 热线: a call taken by a hotline operator.</summary>
    Hotline,
    /// <summary>巡查: a finding on a grid patrol.</summary>
    Patrol,
    /// <summary>网上/APP: a citizen's online report.</summary>
    Online,
}
