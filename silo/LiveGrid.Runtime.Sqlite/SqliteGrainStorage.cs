using System.Diagnostics;
using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Grain state in the embedded SQLite file: one row per (state name, grain type, grain key).</summary>
public sealed class SqliteGrainStorage : IGrainStorage, IAsyncDisposable, IDisposable
{
    private readonly SqliteDatabaseLease _lease;

    /// <summary>Uses a database shared with other providers (the DI setup); disposing only flushes.</summary>
    public SqliteGrainStorage(SqliteDatabase database)
    {
        _lease = new SqliteDatabaseLease(database);
    }

    /// <summary>Opens its own database on the file <paramref name="options"/> name; disposing closes it.</summary>
    public SqliteGrainStorage(SqliteStorageOptions options)
    {
        _lease = new SqliteDatabaseLease(options);
    }

    public string ProviderName => "sqlite";

    public SqliteDatabase Database => _lease.Database;

    public Task<StoredState?> ReadAsync(string stateName, GrainId grainId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return Database.ReadAsync(static (session, key) => session.ReadState(key.stateName, key.grainId), (stateName, grainId), cancellationToken);
    }

    public Task<string> WriteAsync(string stateName, GrainId grainId, ReadOnlyMemory<byte> data, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        // Copied now: the caller may reuse its buffer before the group commit gets to it.
        return Database.EnqueueAsync(new StateWriteOperation(stateName, grainId, data.ToArray(), expectedEtag), cancellationToken);
    }

    public Task ClearAsync(string stateName, GrainId grainId, string? expectedEtag, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(stateName);
        return Database.EnqueueAsync(new StateClearOperation(stateName, grainId, expectedEtag), cancellationToken);
    }

    public async Task<StorageHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await Database.ReadAsync(static (session, _) => session.Ping(), 0, cancellationToken).ConfigureAwait(false);
            var latency = Stopwatch.GetElapsedTime(started);
            if (Database.WriterFault is { } fault)
            {
                return new StorageHealth(ProviderName, false, latency, $"{Database.DatabasePath}: writer stopped: {fault.Message}");
            }

            return new StorageHealth(
                ProviderName,
                true,
                latency,
                $"{Database.DatabasePath} (journal_mode={Database.JournalMode}, synchronous={Database.Synchronous}, {Database.PendingWrites} writes queued)");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new StorageHealth(ProviderName, false, Stopwatch.GetElapsedTime(started), $"{Database.DatabasePath}: {exception.Message}");
        }
    }

    public ValueTask DisposeAsync() => _lease.DisposeAsync();

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
