namespace LiveGrid.Runtime.Sqlite;

/// <summary>Changes nothing; completes once every change queued before it is committed.</summary>
internal sealed class FlushOperation : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteWriteSession session) => true;
}
