using LiveGrid.Runtime.Storage;
using Microsoft.Data.Sqlite;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>
/// One pooled read connection with its statements prepared once. WAL lets any number of these read
/// while the writer commits; each statement sees the last committed state. Used by one caller at a time.
/// </summary>
internal sealed class SqliteReadSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteCommand? _readState;
    private SqliteCommand? _readReminder;
    private SqliteCommand? _readGrainReminders;
    private SqliteCommand? _readAllReminders;
    private SqliteCommand? _ping;

    private SqliteReadSession(SqliteConnection connection) => _connection = connection;

    public static SqliteReadSession Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            // query_only: a bug can never turn a reader into a second writer behind the group commit's back.
            pragma.CommandText = "PRAGMA busy_timeout=5000; PRAGMA query_only=1;";
            pragma.ExecuteNonQuery();
            return new SqliteReadSession(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public StoredState? ReadState(string stateName, GrainId grainId)
    {
        var command = _readState ??= Prepare(
            "SELECT data, etag FROM grain_state WHERE state_name = $state AND grain_type = $type AND grain_key = $key",
            "$state", "$type", "$key");
        Bind(command, stateName, grainId.Type, grainId.Key);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var data = reader.IsDBNull(0) ? [] : reader.GetFieldValue<byte[]>(0);
        return new StoredState(data, reader.GetString(1));
    }

    public ReminderEntry? ReadReminder(GrainId grainId, string reminderName)
    {
        var command = _readReminder ??= Prepare(
            $"{SelectReminders} WHERE grain_type = $type AND grain_key = $key AND reminder_name = $name",
            "$type", "$key", "$name");
        Bind(command, grainId.Type, grainId.Key, reminderName);
        var rows = ReadReminders(command);
        return rows.Count == 0 ? null : rows[0];
    }

    public IReadOnlyList<ReminderEntry> ReadReminders(GrainId grainId)
    {
        var command = _readGrainReminders ??= Prepare($"{SelectReminders} WHERE grain_type = $type AND grain_key = $key", "$type", "$key");
        Bind(command, grainId.Type, grainId.Key);
        return ReadReminders(command);
    }

    public IReadOnlyList<ReminderEntry> ReadAllReminders() => ReadReminders(_readAllReminders ??= Prepare(SelectReminders));

    public long Ping() => (long)(_ping ??= Prepare("SELECT 1")).ExecuteScalar()!;

    public void Dispose()
    {
        _readState?.Dispose();
        _readReminder?.Dispose();
        _readGrainReminders?.Dispose();
        _readAllReminders?.Dispose();
        _ping?.Dispose();
        _connection.Dispose();
    }

    private const string SelectReminders =
        "SELECT grain_type, grain_key, reminder_name, start_at_ticks, period_ticks, etag FROM reminders";

    private static List<ReminderEntry> ReadReminders(SqliteCommand command)
    {
        var rows = new List<ReminderEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                TimeSpan.FromTicks(reader.GetInt64(4)),
                reader.GetString(5)));
        }

        return rows;
    }

    private static void Bind(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
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
}
