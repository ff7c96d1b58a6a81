using System.Collections.Concurrent;

namespace LiveGrid.Runtime.Storage.Memory;

/// <summary>Reminder rows in process memory, for unit tests.</summary>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ReminderEntry> _rows = new();
    private long _version;

    public string ProviderName => "memory";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values]);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(r => r.GrainId == grainId)]);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue((grainId, reminderName), out var row) ? row : null);

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Times are UTC by contract; the durable providers return them that way, so memory must too.
        _rows[(entry.GrainId, entry.ReminderName)] = entry with { StartAt = entry.StartAt.ToUniversalTime(), ETag = etag };
        return Task.FromResult(etag);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        var key = (grainId, reminderName);
        // Remove only the exact row whose ETag matched: a concurrent upsert that replaced it in between must survive.
        var removed = _rows.TryGetValue(key, out var row)
            && row.ETag == etag
            && _rows.TryRemove(new KeyValuePair<(GrainId GrainId, string Name), ReminderEntry>(key, row));
        return Task.FromResult(removed);
    }
}
