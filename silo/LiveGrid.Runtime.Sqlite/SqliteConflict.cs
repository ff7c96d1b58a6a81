using LiveGrid.Runtime.State;

namespace LiveGrid.Runtime.Sqlite;

/// <summary>Builds the exception for an ETag mismatch, worded the same for writes and clears.</summary>
internal static class SqliteConflict
{
    public static InconsistentStateException Mismatch(string stateName, GrainId grainId, string? storedEtag, string? expectedEtag) =>
        new($"State '{stateName}' of {grainId} was changed by someone else (stored ETag {storedEtag ?? "none"}, expected {expectedEtag ?? "none"}).",
            storedEtag,
            expectedEtag);
}
