namespace LiveGrid.Runtime.Sqlite;

/// <summary>Deletes one grain state record if its ETag still matches.</summary>
internal sealed class StateClearOperation(string stateName, GrainId grainId, string? expectedEtag) : SqliteWriteOperation<bool>
{
    protected override bool Execute(SqliteWriteSession session)
    {
        session.ClearState(stateName, grainId, expectedEtag);
        return true;
    }
}
