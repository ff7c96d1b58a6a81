using LiveGrid.Runtime;

namespace LiveGrid.Grains.Tickets;

/// <summary>Hands out ticket numbers for one local date (key "20261122"): "20261122-000001", "-000002"... durable, never reused.</summary>
public interface ITicketNumberGrain : IGrainWithStringKey
{
    Task<string> Next();

    /// <summary>How many numbers were handed out that day.</summary>
    Task<int> Count();

    /// <summary>
    /// <paramref name="count"/> consecutive numbers in one durable write (bulk loads such as the demo history). Read-only
    /// callers that enumerate a day's tickets use <see cref="Count"/>: numbers 1..Count were issued.
    /// </summary>
    Task<IReadOnlyList<string>> NextMany(int count);
}
