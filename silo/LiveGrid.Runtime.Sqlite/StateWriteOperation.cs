namespace LiveGrid.Runtime.Sqlite;

/// <summary>Writes one grain state record if its ETag still matches.</summary>
internal sealed class StateWriteOperation(string stateName, GrainId grainId, byte[] data, string? expectedEtag) : SqliteWriteOperation<string>
{
    public override int PayloadBytes => data.Length;

    protected override string Execute(SqliteWriteSession session) => session.WriteState(stateName, grainId, data, expectedEtag);
}
