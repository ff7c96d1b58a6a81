using Microsoft.Extensions.Options;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>
/// The database a provider works on: either its own (closed when the provider is disposed) or one shared with
/// the other SQLite provider through DI (then disposing the provider only flushes what it queued).
/// </summary>
internal sealed class SqliteDatabaseLease : IAsyncDisposable
{
    private readonly bool _owned;

    public SqliteDatabaseLease(SqliteDatabase shared)
    {
        Database = shared ?? throw new ArgumentNullException(nameof(shared));
    }

    public SqliteDatabaseLease(SqliteStorageOptions options)
    {
        Database = new SqliteDatabase(Options.Create(options));
        _owned = true;
    }

    public SqliteDatabase Database { get; }

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await Database.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await SqliteDatabaseFlush.TryFlushAsync(Database).ConfigureAwait(false);
    }
}
