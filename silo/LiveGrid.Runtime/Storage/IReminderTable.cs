namespace LiveGrid.Runtime.Storage;

/// <summary>
/// Durable reminder rows, one per (grain, reminder name). Every provider must pass the shared
/// contract suite. A task returned by an upsert or remove completes only once the change is durable.
/// </summary>
public interface IReminderTable
{
    string ProviderName { get; }

    /// <summary>Every reminder, for the reminder service to schedule at start-up.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the row (the entry's own ETag is ignored). Returns the new ETag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the row if its ETag still equals <paramref name="etag"/>. False if it did not (or no row).</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default);
}
