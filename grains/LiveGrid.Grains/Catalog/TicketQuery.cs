using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Grains.Catalog;

/// <summary>A filter over the ticket catalog. Every field narrows; null means "any". Territory matches by code prefix.</summary>
public sealed record TicketQuery
{
    public IReadOnlyList<TicketStatus>? Statuses { get; init; }

    public bool? Open { get; init; }

    public bool? Overdue { get; init; }

    public AgingBucket? Bucket { get; init; }

    /// <summary>A district, street, community or grid code: tickets whose grid lies in it.</summary>
    public string? Territory { get; init; }

    public string? Category { get; init; }

    public string? UnitId { get; init; }

    public string? WorkerId { get; init; }

    public TicketSource? Source { get; init; }

    public DateTimeOffset? ReceivedFrom { get; init; }

    public DateTimeOffset? ReceivedTo { get; init; }

    /// <summary>Matches id, title or address.</summary>
    public string? Text { get; init; }

    public TicketSort Sort { get; init; } = TicketSort.Newest;

    public int Offset { get; init; }

    public int Limit { get; init; } = 50;
}
