namespace LiveGrid.Grains.Workers;

/// <summary>One entry of a worker's feed. <see cref="Sequence"/> is 1, 2, 3... per worker, so a phone knows what it missed.</summary>
public sealed record WorkerNotification
{
    public long Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    public required WorkerNotificationKind Kind { get; init; }

    public required string Title { get; init; }

    public string? TicketId { get; init; }

    public string? InspectionId { get; init; }

    public DateTimeOffset? Deadline { get; init; }
}
