using LiveGrid.Runtime.Storage;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Inserts or replaces one reminder row.</summary>
internal sealed class ReminderUpsertOperation(ReminderEntry entry) : SqliteWriteOperation<string>
{
    protected override string Execute(SqliteWriteSession session) => session.UpsertReminder(entry);
}
