using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Reminder rows in the embedded SQLite file, in the same database (and group commit) as grain state.</summary>
public sealed class SqliteReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Uses a database shared with other providers (the DI setup); disposing only flushes.</summary>
    public SqliteReminderTable(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>Opens its own database on the file <paramref name="options"/> name; disposing closes it.</summary>
    public SqliteReminderTable(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(Options.Create(options));
        _ownsDatabase = true;
    }

    public string ProviderName => "sqlite";

    public SqliteDatabase Database => _database;

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        _database.ReadAsync(static (session, _) => session.ReadAllReminders(), 0, cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken = default) =>
        _database.ReadAsync(static (session, id) => session.ReadReminders(id), grainId, cancellationToken);

    public Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        return _database.ReadAsync(static (session, key) => session.ReadReminder(key.grainId, key.reminderName), (grainId, reminderName), cancellationToken);
    }

    public Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.ReminderName, nameof(entry));
        return _database.EnqueueAsync(new ReminderUpsertOperation(entry), cancellationToken);
    }

    public Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        ArgumentNullException.ThrowIfNull(etag);
        return _database.EnqueueAsync(new ReminderRemoveOperation(grainId, reminderName, etag), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await _database.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await SqliteDatabaseFlush.TryFlushAsync(_database).ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
