using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace LiveGrid.Bench.Ceilings;

/// <summary>
/// The most this SQLite file system gives one writer: one connection, WAL, the same synchronous level as the
/// provider, a prepared INSERT OR REPLACE of the same payload in transactions of the provider's batch size.
/// </summary>
public sealed class SqliteCeiling : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly string[] _keys;
    private long _next;

    public SqliteCeiling(string path, bool fullSync, int keys, byte[] payload)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL");
        Execute(fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
        Execute("""
            CREATE TABLE IF NOT EXISTS grain_state (
                state_name  TEXT NOT NULL,
                grain_type  TEXT NOT NULL,
                grain_key   TEXT NOT NULL,
                data        BLOB NOT NULL,
                etag        TEXT NOT NULL,
                updated_utc TEXT NOT NULL,
                PRIMARY KEY (state_name, grain_type, grain_key))
            """);
        Synchronous = Convert.ToInt64(Scalar("PRAGMA synchronous"), System.Globalization.CultureInfo.InvariantCulture) == 2 ? "full" : "normal";
        _keys = [.. Enumerable.Range(0, keys).Select(i => $"raw-{i}")];
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _upsert = Prepare("""
            INSERT OR REPLACE INTO grain_state (state_name, grain_type, grain_key, data, etag, updated_utc)
            VALUES ('writer', 'writer', $key, $data, $etag, $now)
            """);
        _upsert.Parameters.Add(new SqliteParameter("$key", string.Empty));
        _upsert.Parameters.Add(new SqliteParameter("$data", payload));
        _upsert.Parameters.Add(new SqliteParameter("$etag", string.Empty));
        _upsert.Parameters.Add(new SqliteParameter("$now", string.Empty));
        _upsert.Prepare();
    }

    public string Synchronous { get; }

    /// <summary>Commits batches of <paramref name="batchSize"/> rows until the window closes; returns rows per second.</summary>
    public double Measure(int batchSize, TimeSpan window)
    {
        var started = Stopwatch.GetTimestamp();
        var stop = started + (long)(window.TotalSeconds * Stopwatch.Frequency);
        long rows = 0;
        while (Stopwatch.GetTimestamp() < stop)
        {
            _begin.ExecuteNonQuery();
            _upsert.Parameters[3].Value = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < batchSize; i++)
            {
                var n = _next++;
                _upsert.Parameters[0].Value = _keys[n % _keys.Length];
                _upsert.Parameters[2].Value = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                _upsert.ExecuteNonQuery();
            }

            _commit.ExecuteNonQuery();
            rows += batchSize;
        }

        return rows / Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    public void Dispose()
    {
        _upsert.Dispose();
        _begin.Dispose();
        _commit.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private void Execute(string sql)
    {
        using var command = Prepare(sql);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Prepare(sql);
        return command.ExecuteScalar();
    }
}
