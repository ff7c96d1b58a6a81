using LiveGrid.Grains.Territory.Documents;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Demo;

/// <summary>What the demo load created: the territory import and the tickets by what happened to them.</summary>
public sealed record DemoLoadResult
{
    public required TerritoryImportResult Territory { get; init; }

    public required int Tickets { get; init; }

    public required IReadOnlyDictionary<TicketStatus, int> ByStatus { get; init; }

    public int Open { get; init; }

    public int Closed { get; init; }

    /// <summary>Open tickets past the deadline of their current clock.</summary>
    public int Overdue { get; init; }

    /// <summary>Tickets suspended at some point (停止计时), and those suspended now.</summary>
    public int EverSuspended { get; init; }

    public int SuspendedNow { get; init; }

    /// <summary>Tickets with an approved extension (延期).</summary>
    public int Extended { get; init; }

    /// <summary>Tickets returned by their unit at least once (退单).</summary>
    public int Returned { get; init; }

    /// <summary>Tickets sent back for rework (重办).</summary>
    public int Reworked { get; init; }

    /// <summary>Tickets the grain refused (should be 0); the first refusal's message.</summary>
    public int Refused { get; init; }

    public string? FirstRefusal { get; init; }

    public TimeSpan Elapsed { get; init; }
}
