namespace LiveGrid.Silo.Configuration;

/// <summary>Where grain state and reminders live (LiveGrid:Storage:Provider).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file on local disk: the embedded default.</summary>
    Sqlite,

    /// <summary>A Redis server: production.</summary>
    Redis,

    /// <summary>Process memory: lost when the process stops. For trying things out.</summary>
    Memory,
}
