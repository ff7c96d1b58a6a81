using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Reminder rows in the embedded SQLite file, in the same database (and group commit) as grain state.</summary>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabaseLease _lease;

    /// <summary>Uses a database shared with other providers (the DI setup); disposing only flushes.</summary>
    public SqliteReminderTable(SqliteDatabase database)
    {
        _lease = new SqliteDatabaseLease(database);
    }

    /// <summary>Opens its own database on the file <paramref name="options"/> name; disposing closes it.</summary>
    public SqliteReminderTable(SqliteStorageOptions options)
    {
        _lease = new SqliteDatabaseLease(options);
    }

    public string ProviderName => "sqlite";

    public SqliteDatabase Database => _lease.Database;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        Database.ReadAsync(static (session, _) => session.ReadAllReminders(), 0, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        Database.ReadAsync(static (session, id) => session.ReadReminders(id), grainId, cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        return Database.ReadAsync(static (session, key) => session.ReadReminder(key.grainId, key.reminderName), (grainId, reminderName), cancellationToken);
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        return Database.EnqueueAsync(new ReminderUpsertOperation(entry), cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentNullException.ThrowIfNull(etag);
        return Database.EnqueueAsync(new ReminderRemoveOperation(grainId, reminderName, etag), cancellationToken);
    }

    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
