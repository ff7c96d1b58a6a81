using System.Diagnostics;
using LiveGrid.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Grain state in the embedded SQLite file: one row per (state name, grain type, grain key).</summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabase _database;
    private readonly bool _ownsDatabase;

    /// <summary>Uses a database shared with other providers (the DI setup); disposing only flushes.</summary>
    public SqliteGrainStorage(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
    }

    /// <summary>Opens its own database on the file <paramref name="options"/> name; disposing closes it.</summary>
    public SqliteGrainStorage(SqliteStorageOptions options)
    {
        _database = new SqliteDatabase(Options.Create(options));
        _ownsDatabase = true;
    }

    public string ProviderName => "sqlite";

    public SqliteDatabase Database => _database;

    public Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return _database.ReadAsync(static (session, key) => session.ReadState(key.stateName, key.grainId), (stateName, grainId), cancellationToken);
    }

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        // Copied now: the caller may reuse its buffer before the group commit gets to it.
        return _database.EnqueueAsync(new StateWriteOperation(stateName, grainId, data.ToArray(), expectedEtag), cancellationToken);
    }

    public Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return _database.EnqueueAsync(new StateClearOperation(stateName, grainId, expectedEtag), cancellationToken);
    }

    public async Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await _database.ReadAsync(static (session, _) => session.Ping(), 0, cancellationToken).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started);
            if (_database.WriterFault is { } fault)
            {
                return new StorageHealth(ProviderName, false, latency, $"{_database.DatabasePath}: writer stopped: {fault.Message}");
            }

            return new StorageHealth(
                ProviderName,
                true,
                latency,
                $"{_database.DatabasePath} (journal_mode={_database.JournalMode}, synchronous={_database.Synchronous}, {_database.PendingWrites} writes queued)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StorageHealth(ProviderName, false, Stopwatch.GetElapsedTime(started), $"{_database.DatabasePath}: {exception.Message}");
        }
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
