namespace LiveGrid.Grains.Tickets;

/// <summary>How many ticket numbers one day has handed out.</summary>
public sealed class TicketNumberState
{
    public int Count { get; set; }
}
