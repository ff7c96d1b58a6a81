using LiveGrid.Runtime;

namespace LiveGrid.Grains.Tickets;

/// <summary>Hands out ticket numbers for one local date (key "20261122"): "20261122-000001", "-000002"... durable, never reused.</summary>
public interface ITicketNumberGrain : IGrainWithStringKey
{
    Task<string> Next();

    /// <summary>How many numbers were handed out that day.</summary>
    Task<int> Count();
}
