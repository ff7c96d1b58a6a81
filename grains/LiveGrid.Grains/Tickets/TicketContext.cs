namespace LiveGrid.Grains.Tickets;

/// <summary>
/// What the lifecycle needs to know but cannot work out itself, because it needs the business calendar and the
/// current time: the grain computes it (e.g. "within 2 working days of the latest dispatch") and passes it in.
/// </summary>
public sealed record TicketContext(bool IsWithinReturnWindow)
{
    public static TicketContext WithinReturnWindow { get; } = new(true);

    public static TicketContext OutsideReturnWindow { get; } = new(false);
}
