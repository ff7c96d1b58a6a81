using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>
/// The SQLite file shared by <see cref="SqliteGrainStorage"/> and <see cref="SqliteReminderTable"/>.
/// Writes go through one queue to one writer thread that commits everything pending in a single
/// transaction (group commit: one fsync for many callers); reads use a small pool of separate connections.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private const long MaxBatchBytes = 32L * 1024 * 1024;

    private readonly SqliteStorageOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly string _connectionString;
    private readonly Channel<SqliteWriteOperation> _queue =
        Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<SqliteReadSession> _idleReaders = new();
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly TaskCompletionSource _writerStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SqliteWriteSession? _writeSession;
    private Thread? _writerThread;
    private Exception? _writerFault;
    private int _idleReaderCount;
    private int _pendingWrites; // a single-reader channel cannot count its items
    private int _disposed;
    private long _committedBatches;
    private long _committedOperations;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, ILogger<SqliteDatabase>? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger ?? NullLogger<SqliteDatabase>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        DatabasePath = _options.DatabasePath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // Connections are pooled here, with their prepared statements; a second pool would only hide them.
            Pooling = false,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>Journal mode reported by SQLite once the file is open ("wal"); null before first use.</summary>
    public string? JournalMode => _writeSession?.JournalMode;

    /// <summary>Synchronous level of the write connection once open ("full" or "normal"); null before first use.</summary>
    public string? Synchronous => _writeSession?.Synchronous;

    /// <summary>Transactions committed by the writer; with group commit this is far fewer than <see cref="CommittedOperations"/>.</summary>
    public long CommittedBatches => Interlocked.Read(ref _committedBatches);

    public long CommittedOperations => Interlocked.Read(ref _committedOperations);

    /// <summary>Changes queued and not yet taken by the writer.</summary>
    public int PendingWrites => Volatile.Read(ref _pendingWrites);

    /// <summary>Why the writer stopped, if it stopped other than by disposal.</summary>
    internal Exception? WriterFault => Volatile.Read(ref _writerFault);

    /// <summary>Completes once every change queued before this call is committed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Volatile.Read(ref _writeSession) is null && Volatile.Read(ref _disposed) == 0
            ? Task.CompletedTask // never opened, nothing written: do not create the file just to flush it
            : EnqueueAsync(new FlushOperation(), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            await _writerStopped.Task.ConfigureAwait(false);
            return;
        }

        // Completing the queue lets the writer drain what is already in it, then stop: pending writes are flushed, not dropped.
        _queue.Writer.TryComplete();
        await _openLock.WaitAsync().ConfigureAwait(false);
        var started = _writerThread is not null;
        _openLock.Release();
        if (started)
        {
            await _writerStopped.Task.ConfigureAwait(false);
        }
        else
        {
            _writerStopped.TrySetResult();
        }

        DisposeIdleReaders();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal async Task<TResult> EnqueueAsync<TResult>(SqliteWriteOperation<TResult> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        operation.AttachCancellation(cancellationToken);
        Interlocked.Increment(ref _pendingWrites);
        if (!_queue.Writer.TryWrite(operation))
        {
            Interlocked.Decrement(ref _pendingWrites);
            throw WriterFault is { } fault
                ? new InvalidOperationException($"SQLite writer for '{DatabasePath}' stopped after an error.", fault)
                : new ObjectDisposedException(nameof(SqliteDatabase), $"SQLite storage at '{DatabasePath}' is disposed.");
        }

        return await operation.Completion.ConfigureAwait(false);
    }

    internal async Task<TResult> ReadAsync<TState, TResult>(Func<SqliteReadSession, TState, TResult> read, TState state, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var session = RentReader();
        try
        {
            return read(session, state);
        }
        finally
        {
            ReturnReader(session);
        }
    }

    private Task EnsureOpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return Volatile.Read(ref _writeSession) is not null ? Task.CompletedTask : OpenAsync(cancellationToken);
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        await _openLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
            if (_writeSession is not null)
            {
                return;
            }

            // A failure here reaches the caller and the next call tries again (e.g. once the folder is writable).
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
            var session = SqliteWriteSession.Open(_connectionString, _options.FullSync, _timeProvider);
            _logger.LogInformation(
                "SQLite storage opened {DatabasePath} (journal_mode={JournalMode}, synchronous={Synchronous})",
                DatabasePath,
                session.JournalMode,
                session.Synchronous);
            _writerThread = new Thread(() => RunWriter(session))
            {
                IsBackground = true,
                Name = "livegrid-sqlite-writer",
            };
            Volatile.Write(ref _writeSession, session);
            _writerThread.Start();
        }
        finally
        {
            _openLock.Release();
        }
    }

    private SqliteReadSession RentReader()
    {
        if (_idleReaders.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleReaderCount);
            return session;
        }

        return SqliteReadSession.Open(_connectionString);
    }

    private void ReturnReader(SqliteReadSession session)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            if (Interlocked.Increment(ref _idleReaderCount) <= _options.MaxIdleReaders)
            {
                _idleReaders.Enqueue(session);
                if (Volatile.Read(ref _disposed) == 1)
                {
                    DisposeIdleReaders();
                }

                return;
            }

            Interlocked.Decrement(ref _idleReaderCount);
        }

        session.Dispose();
    }

    private void DisposeIdleReaders()
    {
        while (_idleReaders.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    // The writer is a dedicated thread: each commit blocks on fsync, which must not starve the thread pool.
    private void RunWriter(SqliteWriteSession session)
    {
        var reader = _queue.Reader;
        var maxBatchSize = Math.Max(1, _options.MaxBatchSize);
        var batch = new List<SqliteWriteOperation>(maxBatchSize);
        try
        {
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                long bytes = 0;
                while (batch.Count < maxBatchSize && bytes < MaxBatchBytes && reader.TryRead(out var operation))
                {
                    Interlocked.Decrement(ref _pendingWrites);
                    if (operation.TryTake())
                    {
                        batch.Add(operation);
                        bytes += operation.PayloadBytes;
                    }
                }

                if (batch.Count > 0)
                {
                    CommitBatch(session, batch);
                    batch.Clear();
                }
            }
        }
        catch (Exception exception)
        {
            // Only a bug gets here. Fail everyone still waiting rather than leave them hanging.
            Volatile.Write(ref _writerFault, exception);
            _logger.LogCritical(exception, "SQLite writer for {DatabasePath} stopped", DatabasePath);
            _queue.Writer.TryComplete(exception);
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }

            while (reader.TryRead(out var operation))
            {
                if (operation.TryTake())
                {
                    operation.Fail(exception);
                }
            }
        }
        finally
        {
            session.Dispose();
            _writerStopped.TrySetResult();
        }
    }

    private void CommitBatch(SqliteWriteSession session, List<SqliteWriteOperation> batch)
    {
        try
        {
            session.Begin();
        }
        catch (Exception exception)
        {
            // Nothing was applied, so no operation is to blame; retrying one by one would only wait out busy_timeout again.
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }

            return;
        }

        try
        {
            foreach (var operation in batch)
            {
                operation.Apply(session);
            }

            session.Commit();
        }
        catch (Exception exception)
        {
            session.TryRollback();
            if (batch.Count == 1)
            {
                batch[0].Fail(exception);
                return;
            }

            // One bad operation must not fail its neighbours: retry each in its own transaction.
            _logger.LogWarning(exception, "SQLite group commit of {Count} operations failed; retrying them one by one", batch.Count);
            foreach (var operation in batch)
            {
                CommitBatch(session, [operation]);
            }

            return;
        }

        Interlocked.Increment(ref _committedBatches);
        Interlocked.Add(ref _committedOperations, batch.Count);
        foreach (var operation in batch)
        {
            operation.Publish();
        }
    }
}
