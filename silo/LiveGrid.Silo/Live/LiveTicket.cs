using System.Text.Json.Serialization;
using LiveGrid.Grains.Sla;
using LiveGrid.Grains.Tickets;

namespace LiveGrid.Silo.Live;

/// <summary>
/// A ticket as a city or area board frame carries it: what the board's lists, feed and map show, nothing else
/// (about a fifth of a <see cref="TicketSummary"/>). The names are the summary's, so clients keep both by revision alike.
/// </summary>
public sealed record LiveTicket
{
    public required string Id { get; init; }

    public required long Revision { get; init; }

    public required TicketStatus Status { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? GridCode { get; init; }

    public required string Title { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SlaStage? AgingStage { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? Deadline { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AgingBucket? Bucket { get; init; }

    public required bool IsOpen { get; init; }

    public required bool IsOverdue { get; init; }

    public required bool IsSuspended { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SupervisionLevel? Supervision { get; init; }

    public required DateTimeOffset LastChangedAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Longitude { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Latitude { get; init; }

    /// <summary>On the "breaching next" list's way: open, not overdue, not suspended, with a deadline.</summary>
    [JsonIgnore]
    public bool IsBreachCandidate => IsOpen && !IsOverdue && !IsSuspended && Deadline is not null;

    public static LiveTicket From(TicketSummary summary) => new()
    {
        Id = summary.Id,
        Revision = summary.Revision,
        Status = summary.Status,
        GridCode = summary.GridCode,
        Title = summary.Title,
        AgingStage = summary.AgingStage,
        Deadline = summary.Deadline,
        Bucket = summary.Bucket,
        IsOpen = summary.IsOpen,
        IsOverdue = summary.IsOverdue,
        IsSuspended = summary.IsSuspended,
        Supervision = summary.Supervision,
        LastChangedAt = summary.LastChangedAt,
        Longitude = summary.Longitude,
        Latitude = summary.Latitude,
    };
}
