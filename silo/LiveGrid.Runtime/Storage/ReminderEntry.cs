namespace LiveGrid.Runtime.Storage;

/// <summary>
/// A durable reminder. It is due at <paramref name="StartAt"/> and then every <paramref name="Period"/>;
/// a period of <see cref="Timeout.InfiniteTimeSpan"/> means once. Times are UTC.
/// </summary>
public sealed record ReminderEntry(GrainId GrainId, string ReminderName, DateTimeOffset StartAt, TimeSpan Period, string? ETag = null)
{
    public bool IsOneShot => Period == Timeout.InfiniteTimeSpan;
}
