namespace LiveGrid.Silo.Live;

/// <summary>Soonest deadline first, then by id: the order of "breaching next".</summary>
internal sealed class LiveTicketDeadlineOrder : IComparer<LiveTicket>
{
    public static LiveTicketDeadlineOrder Instance { get; } = new();

    public int Compare(LiveTicket? x, LiveTicket? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byDeadline = Nullable.Compare(x.Deadline, y.Deadline);
        return byDeadline != 0 ? byDeadline : string.CompareOrdinal(x.Id, y.Id);
    }
}
