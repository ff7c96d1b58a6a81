namespace LiveGrid.Runtime.Sqlite;

/// <summary>Flush on provider disposal, tolerating a database that its owner already closed (which flushed too).</summary>
internal static class SqliteDatabaseFlush
{
    public static async Task TryFlushAsync(SqliteDatabase database)
    {
        try
        {
            await database.FlushAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposing the database drained the queue already.
        }
    }
}
