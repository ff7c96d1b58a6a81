namespace LiveGrid.Runtime.Sqlite;

/// <summary>Deletes one reminder row if its ETag still matches.</summary>
internal sealed class ReminderRemoveOperation(GrainId grainId, string reminderName, string etag) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteWriteSession session) => session.RemoveReminder(grainId, reminderName, etag);
}
