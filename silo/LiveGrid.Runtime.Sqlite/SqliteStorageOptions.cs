namespace LiveGrid.Runtime.Sqlite;

/// <summary>Where the embedded SQLite database lives and how hard it syncs (configuration section "LiveGrid:Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "LiveGrid:Storage:Sqlite";

    /// <summary>Folder of the database file; a relative path is resolved against the current directory.</summary>
    public string DataDirectory { get; set; } = "data";

    public string FileName { get; set; } = "livegrid.db";

    /// <summary>
    /// True: synchronous=FULL, every commit is fsynced before a write is acknowledged.
    /// False: synchronous=NORMAL, faster, but the last commits can be lost on power failure (never corrupted).
    /// </summary>
    public bool FullSync { get; set; } = true;

    /// <summary>The most operations one group commit takes; bounds the latency one fsync adds to a batch.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Idle read connections kept open for reuse.</summary>
    public int MaxIdleReaders { get; set; } = 8;

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
