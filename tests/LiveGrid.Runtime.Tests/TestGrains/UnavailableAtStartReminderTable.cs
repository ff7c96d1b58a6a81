using LiveGrid.Runtime.Storage;
using LiveGrid.Runtime.Storage.Memory;

namespace LiveGrid.Runtime.Tests.TestGrains;

/// <summary>
/// A reminder table whose store does not answer the first few full reads, as Redis does while it is down
/// when the host starts. (The real outage is exercised against a real Redis in the silo tests.)
/// </summary>
public sealed class UnavailableAtStartReminderTable(MemoryReminderTable rows, int unavailableReads) : IReminderTable
{
    private int _reads;

    public int ReadAllCalls => Volatile.Read(ref _reads);

    public string ProviderName => rows.ProviderName;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _reads) <= unavailableReads
            ? Task.FromException<IReadOnlyList<ReminderEntry>>(new IOException("The reminder store is not answering."))
            : rows.ReadAllAsync(cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        rows.ReadAsync(grainId, cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default) =>
        rows.ReadAsync(grainId, reminderName, cancellationToken);

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default) =>
        rows.UpsertAsync(entry, cancellationToken);

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default) =>
        rows.RemoveAsync(grainId, reminderName, etag, cancellationToken);
}
