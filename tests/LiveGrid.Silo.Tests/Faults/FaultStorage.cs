namespace LiveGrid.Silo.Tests.Faults;

/// <summary>Which store a drill's silo keeps its state in, as the silo's command-line settings.</summary>
internal sealed record FaultStorage(string Name, IReadOnlyList<string> Settings)
{
    public static FaultStorage Sqlite(string dataDirectory) =>
        new("sqlite", ["--LiveGrid:Storage:Provider=Sqlite", $"--LiveGrid:Storage:Sqlite:DataDirectory={dataDirectory}"]);

    /// <summary>Redis at <paramref name="connectionString"/>, with operation and connect timeouts of the defaults.</summary>
    public static FaultStorage Redis(string connectionString) =>
        new("redis", ["--LiveGrid:Storage:Provider=Redis", $"--LiveGrid:Storage:Redis:ConnectionString={connectionString}"]);
}
