using System.Text.Json.Serialization;

namespace LiveGrid.Grains.Tickets;

/// <summary>
/// A stretch with the clock stopped (停止计时 → 恢复计时). <see cref="From"/> is the status it suspended from, where
/// resuming returns. Only the ticket's last suspension can be open, and only while the ticket is Suspended.
/// </summary>
public sealed record TicketSuspension(
    TicketStatus From,
    string Reason,
    DateTimeOffset Start,
    DateTimeOffset? End = null,
    string? ResumeNote = null)
{
    [JsonIgnore]
    public bool IsOpen => End is null;

    [JsonIgnore]
    public TimeSpan? Duration => End - Start;
}
