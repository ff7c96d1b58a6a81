using System.Globalization;
using LiveGrid.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>
/// The one write connection, owned by the writer thread: transactions, prepared statements and the ETag sequence.
/// Not thread-safe by design; only the writer loop touches it.
/// </summary>
internal sealed class SqliteWriteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _insertState;
    private readonly SqliteCommand _updateState;
    private readonly SqliteCommand _selectStateEtag;
    private readonly SqliteCommand _deleteState;
    private readonly SqliteCommand _upsertReminder;
    private readonly SqliteCommand _deleteReminder;
    private readonly SqliteCommand _saveSequence;

    // ETags come from one counter persisted in the same transaction as the writes that used it,
    // so an ETag is never handed out twice, not even after a clear or a restart.
    private long _lastEtag;
    private long _persistedEtag;
    private string _batchTimeUtc = string.Empty;

    private SqliteWriteSession(SqliteConnection connection, TimeProvider timeProvider, string journalMode, string synchronous)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        JournalMode = journalMode;
        Synchronous = synchronous;

        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _insertState = Prepare(
            """
            INSERT INTO grain_state (state_name, grain_type, grain_key, data, etag, updated_utc)
            VALUES ($state, $type, $key, $data, $etag, $now)
            ON CONFLICT (state_name, grain_type, grain_key) DO NOTHING
            """,
            "$state", "$type", "$key", "$data", "$etag", "$now");
        _updateState = Prepare(
            """
            UPDATE grain_state SET data = $data, etag = $etag, updated_utc = $now
            WHERE state_name = $state AND grain_type = $type AND grain_key = $key AND etag = $expected
            """,
            "$state", "$type", "$key", "$data", "$etag", "$now", "$expected");
        _selectStateEtag = Prepare(
            "SELECT etag FROM grain_state WHERE state_name = $state AND grain_type = $type AND grain_key = $key",
            "$state", "$type", "$key");
        _deleteState = Prepare(
            "DELETE FROM grain_state WHERE state_name = $state AND grain_type = $type AND grain_key = $key AND etag = $expected",
            "$state", "$type", "$key", "$expected");
        _upsertReminder = Prepare(
            """
            INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at_ticks, period_ticks, etag, updated_utc)
            VALUES ($type, $key, $name, $start, $period, $etag, $now)
            ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE SET
                start_at_ticks = excluded.start_at_ticks,
                period_ticks = excluded.period_ticks,
                etag = excluded.etag,
                updated_utc = excluded.updated_utc
            """,
            "$type", "$key", "$name", "$start", "$period", "$etag", "$now");
        _deleteReminder = Prepare(
            "DELETE FROM reminders WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name AND etag = $etag",
            "$type", "$key", "$name", "$etag");
        _saveSequence = Prepare("UPDATE etag_sequence SET value = $value WHERE name = 'etag'", "$value");

        using var load = _connection.CreateCommand();
        load.CommandText = "SELECT value FROM etag_sequence WHERE name = 'etag'";
        _lastEtag = _persistedEtag = Convert.ToInt64(load.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The journal mode SQLite reports for the file ("wal").</summary>
    public string JournalMode { get; }

    /// <summary>The synchronous level SQLite reports for the write connection ("full" or "normal").</summary>
    public string Synchronous { get; }

    public static SqliteWriteSession Open(string connectionString, bool fullSync, TimeProvider timeProvider)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            var journalMode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode=WAL"), CultureInfo.InvariantCulture) ?? string.Empty;
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite database '{connection.DataSource}' refused WAL journal mode (got '{journalMode}').");
            }

            Scalar(connection, fullSync ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
            Scalar(connection, "PRAGMA busy_timeout=5000");
            var synchronous = Convert.ToInt64(Scalar(connection, "PRAGMA synchronous"), CultureInfo.InvariantCulture) switch
            {
                0 => "off",
                1 => "normal",
                2 => "full",
                3 => "extra",
                var other => other.ToString(CultureInfo.InvariantCulture),
            };

            Scalar(connection, "BEGIN IMMEDIATE");
            try
            {
                SqliteSchema.Apply(connection, timeProvider.GetUtcNow());
                Scalar(connection, "COMMIT");
            }
            catch
            {
                Scalar(connection, "ROLLBACK");
                throw;
            }

            return new SqliteWriteSession(connection, timeProvider, journalMode.ToLowerInvariant(), synchronous);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Begin()
    {
        _batchTimeUtc = _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        _begin.ExecuteNonQuery();
    }

    public void Commit()
    {
        if (_lastEtag != _persistedEtag)
        {
            _saveSequence.Parameters[0].Value = _lastEtag;
            _saveSequence.ExecuteNonQuery();
        }

        _commit.ExecuteNonQuery();
        _persistedEtag = _lastEtag;
    }

    /// <summary>Rolls back if a transaction is still open (a failed COMMIT may already have ended it).</summary>
    public void TryRollback()
    {
        try
        {
            _rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // "no transaction is active": nothing left to undo.
        }
    }

    public string WriteState(string stateName, GrainId grainId, byte[] data, string? expectedEtag)
    {
        var etag = NextEtag();
        int changed;
        if (expectedEtag is null)
        {
            changed = Execute(_insertState, stateName, grainId.Type, grainId.Key, data, etag, _batchTimeUtc);
        }
        else
        {
            changed = Execute(_updateState, stateName, grainId.Type, grainId.Key, data, etag, _batchTimeUtc, expectedEtag);
        }

        if (changed != 1)
        {
            throw SqliteConflict.Mismatch(stateName, grainId, ReadStateEtag(stateName, grainId), expectedEtag);
        }

        return etag;
    }

    public void ClearState(string stateName, GrainId grainId, string? expectedEtag)
    {
        if (expectedEtag is null)
        {
            // Clearing "nothing" is a no-op, but only if there really is nothing.
            var stored = ReadStateEtag(stateName, grainId);
            if (stored is not null)
            {
                throw SqliteConflict.Mismatch(stateName, grainId, stored, expectedEtag);
            }

            return;
        }

        if (Execute(_deleteState, stateName, grainId.Type, grainId.Key, expectedEtag) != 1)
        {
            throw SqliteConflict.Mismatch(stateName, grainId, ReadStateEtag(stateName, grainId), expectedEtag);
        }
    }

    public string UpsertReminder(ReminderEntry entry)
    {
        var etag = NextEtag();
        Execute(
            _upsertReminder,
            entry.GrainId.Type,
            entry.GrainId.Key,
            entry.ReminderName,
            entry.StartAt.UtcTicks,
            entry.Period.Ticks,
            etag,
            _batchTimeUtc);
        return etag;
    }

    public bool RemoveReminder(GrainId grainId, string reminderName, string etag) =>
        Execute(_deleteReminder, grainId.Type, grainId.Key, reminderName, etag) == 1;

    public void Dispose()
    {
        foreach (var command in new[] { _begin, _commit, _rollback, _insertState, _updateState, _selectStateEtag, _deleteState, _upsertReminder, _deleteReminder, _saveSequence })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private string NextEtag() => (++_lastEtag).ToString(CultureInfo.InvariantCulture);

    private string? ReadStateEtag(string stateName, GrainId grainId)
    {
        _selectStateEtag.Parameters[0].Value = stateName;
        _selectStateEtag.Parameters[1].Value = grainId.Type;
        _selectStateEtag.Parameters[2].Value = grainId.Key;
        return _selectStateEtag.ExecuteScalar() as string;
    }

    private static int Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }

    private SqliteCommand Prepare(string sql, params string[] parameterNames)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name, Value = DBNull.Value });
        }

        command.Prepare();
        return command;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
