using Microsoft.Data.Sqlite;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Creates the tables on first use and refuses files written by a newer LiveGrid.</summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 1;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            applied_utc TEXT    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS etag_sequence (
            name  TEXT    NOT NULL PRIMARY KEY,
            value INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS grain_state (
            state_name  TEXT NOT NULL,
            grain_type  TEXT NOT NULL,
            grain_key   TEXT NOT NULL,
            data        BLOB NOT NULL,
            etag        TEXT NOT NULL,
            updated_utc TEXT NOT NULL,
            PRIMARY KEY (state_name, grain_type, grain_key)
        );
        CREATE TABLE IF NOT EXISTS reminders (
            grain_type     TEXT    NOT NULL,
            grain_key      TEXT    NOT NULL,
            reminder_name  TEXT    NOT NULL,
            start_at_ticks INTEGER NOT NULL,
            period_ticks   INTEGER NOT NULL,
            etag           TEXT    NOT NULL,
            updated_utc    TEXT    NOT NULL,
            PRIMARY KEY (grain_type, grain_key, reminder_name)
        );
        INSERT OR IGNORE INTO etag_sequence (name, value) VALUES ('etag', 0);
        """;

    /// <summary>Runs inside the caller's transaction on the write connection.</summary>
    public static void Apply(SqliteConnection connection, DateTimeOffset nowUtc)
    {
        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateTables;
            create.ExecuteNonQuery();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT MAX(version) FROM schema_version";
        var found = read.ExecuteScalar();
        var version = found is null or DBNull ? 0 : Convert.ToInt32(found, System.Globalization.CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"SQLite database '{connection.DataSource}' has schema version {version}, newer than this LiveGrid understands ({CurrentVersion}). Upgrade LiveGrid or point it at another file.");
        }

        if (version < CurrentVersion)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_version (version, applied_utc) VALUES ($version, $applied)";
            insert.Parameters.AddWithValue("$version", CurrentVersion);
            insert.Parameters.AddWithValue("$applied", nowUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            insert.ExecuteNonQuery();
        }
    }
}
